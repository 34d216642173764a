#!/usr/bin/env bash
# Writes a CycloneDX 1.5 JSON software bill of materials (ASVS 15.1.1/15.1.2) for Athar: every NuGet package the
# solution resolves, direct and transitive (from `dotnet list package --include-transitive --format json`, which
# reads the restored project.assets.json files and calls no feed), and every npm package the lock files pin.
# Usage: tools/sbom.sh OUTPUT.json   (run after a restore or build; it fails rather than guess when assets are missing)
set -euo pipefail

out=${1:?usage: tools/sbom.sh OUTPUT.json}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
listing=$(mktemp)
trap 'rm -f "$listing"' EXIT

dotnet list "$root/Athar.slnx" package --include-transitive --format json >"$listing"

node - "$listing" "$out" "$root" <<'JS'
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const [listingFile, outFile, root] = process.argv.slice(2);
const listing = JSON.parse(fs.readFileSync(listingFile, 'utf8'));
if (listing.problems && listing.problems.length) {
  console.error(listing.problems.map(p => p.text).join('\n'));
  process.exit(1);
}

const components = new Map();
const add = c => { if (!components.has(c['bom-ref'])) components.set(c['bom-ref'], c); };

// NuGet: one component per id and resolved version across every project; test-only packages are still listed,
// since a vulnerable test runner or browser driver matters on the machines that build Athar.
for (const project of listing.projects || []) {
  for (const framework of project.frameworks || []) {
    for (const p of [...(framework.topLevelPackages || []), ...(framework.transitivePackages || [])]) {
      const purl = `pkg:nuget/${p.id}@${p.resolvedVersion}`;
      add({ type: 'library', 'bom-ref': purl, name: p.id, version: p.resolvedVersion, purl });
    }
  }
}

// npm: the lock files (lockfileVersion 2 or 3) of the web assets and the document fonts.
for (const lock of ['src/Athar.Web/package-lock.json', 'src/Athar.Documents/package-lock.json']) {
  const file = path.join(root, lock);
  if (!fs.existsSync(file)) continue;
  const packages = JSON.parse(fs.readFileSync(file, 'utf8')).packages || {};
  for (const [key, p] of Object.entries(packages)) {
    if (!key || !p.version) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const purl = `pkg:npm/${name.startsWith('@') ? '%40' + name.slice(1) : name}@${p.version}`;
    const component = { type: 'library', 'bom-ref': purl, name, version: p.version, purl, scope: p.dev ? 'excluded' : 'required' };
    if (p.license) component.licenses = [{ expression: p.license }];
    if (p.integrity) {
      const [alg, digest] = p.integrity.split('-');
      if (alg === 'sha512') component.hashes = [{ alg: 'SHA-512', content: Buffer.from(digest, 'base64').toString('hex') }];
    }
    add(component);
  }
}

const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  serialNumber: `urn:uuid:${crypto.randomUUID()}`,
  version: 1,
  metadata: {
    timestamp: new Date().toISOString(),
    tools: { components: [{ type: 'application', name: 'tools/sbom.sh' }] },
    component: { type: 'application', 'bom-ref': 'athar', name: 'Athar' },
  },
  components: [...components.values()].sort((a, b) => a['bom-ref'].localeCompare(b['bom-ref'])),
};
fs.writeFileSync(outFile, JSON.stringify(bom, null, 2) + '\n');
console.log(`${bom.components.length} components written to ${outFile}`);
JS
