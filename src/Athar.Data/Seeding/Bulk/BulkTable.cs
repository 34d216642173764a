using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Athar.Data.Seeding.Bulk;

/// <summary>
/// One entity's table as the bulk loaders see it: column names and, per column, a reader that takes the
/// value from an entity instance and applies EF's own value converter (enums to integers). Built from
/// the EF model of the provider in use, so bulk-loaded rows are stored exactly as SaveChanges would store them.
/// </summary>
public sealed class BulkTable
{
    private BulkTable(string name, IReadOnlyList<BulkColumn> columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkTable For(IEntityType entityType)
    {
        var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entityType.GetProperties())
        {
            // Identity keys (append-only logs) are numbered by the database.
            if (property.IsPrimaryKey() && property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && property.ClrType == typeof(long))
                continue;
            columns.Add(Column(property, store));
        }
        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
                columns.Add(Column(property, store));
        }
        return new BulkTable(name, columns);
    }

    private static BulkColumn Column(IProperty property, StoreObjectIdentifier store)
    {
        if (property.IsShadowProperty())
            throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property; the bulk loader reads only CLR properties.");
        var getter = property.GetGetter();
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var converter = mapping.Converter;
        var column = property.GetColumnName(store) ?? property.GetColumnName();
        Func<object, object?> read = converter is null
            ? getter.GetClrValueUsingContainingEntity
            : entity => getter.GetClrValueUsingContainingEntity(entity) is { } value ? converter.ConvertToProvider(value) : null;
        return new BulkColumn(column, read, mapping, property.IsNullable);
    }
}

public sealed record BulkColumn(string Name, Func<object, object?> Read, RelationalTypeMapping Mapping, bool IsNullable);
