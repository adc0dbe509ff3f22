#!/usr/bin/env bash
# Prints every third-party library the jar carries with its version and licence, read from the
# CycloneDX SBOM the build writes (META-INF/sbom/application.cdx.json).
# Usage: scripts/third-party-licences.sh [target/coproduction-impact-*.jar | path/to/application.cdx.json]
set -euo pipefail
source="${1:-$(ls target/coproduction-impact-*.jar 2>/dev/null | head -1)}"
[ -n "$source" ] || { echo "Build the jar first (./mvnw package) or name the SBOM file." >&2; exit 1; }
if [[ "$source" == *.jar ]]; then
  sbom=$(unzip -p "$source" META-INF/sbom/application.cdx.json)
else
  sbom=$(cat "$source")
fi
python3 -c '
import json, sys
components = json.loads(sys.stdin.read())["components"]
print("| library | version | licence |")
print("| --- | --- | --- |")
for c in sorted(components, key=lambda c: (c.get("group", ""), c["name"])):
    names = []
    for l in c.get("licenses", []):
        lic = l.get("license", {})
        names.append(lic.get("id") or lic.get("name") or l.get("expression", "?"))
    print("| %s:%s | %s | %s |" % (c.get("group", ""), c["name"], c.get("version", ""), ", ".join(names) or "not stated"))
' <<<"$sbom"
