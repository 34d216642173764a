namespace Athar.Core.Accounts;

public enum Gender
{
    Male = 1,
    Female = 2,
}
