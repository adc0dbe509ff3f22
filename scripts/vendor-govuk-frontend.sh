#!/usr/bin/env bash
# Copies GOV.UK Frontend's precompiled CSS and JavaScript from the pinned WebJar into
# src/main/resources/static/vendor/govuk-frontend/, with the GDS Transport font removed:
# that font is for GOV.UK only, and we use the system font stack instead.
# Run after changing the govuk-frontend version in pom.xml.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n '/<artifactId>govuk-frontend<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)
jar="$HOME/.m2/repository/org/webjars/npm/govuk-frontend/$version/govuk-frontend-$version.jar"
[ -f "$jar" ] || ./mvnw -q dependency:get -Dartifact="org.webjars.npm:govuk-frontend:$version"
out=src/main/resources/static/vendor/govuk-frontend
dist="META-INF/resources/webjars/govuk-frontend/$version/dist/govuk"
unzip -p "$jar" "$dist/govuk-frontend.min.js" > "$out/govuk-frontend.min.js"
stack='system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",arial,sans-serif'
unzip -p "$jar" "$dist/govuk-frontend.min.css" \
  | sed -e 's/@font-face{font-family:GDS Transport;[^}]*}//g' \
        -e "s/font-family:GDS Transport,arial,sans-serif/font-family:$stack/g" \
        -e "s/font-family:GDS Transport/font-family:$stack/g" \
        -e 's|/\*# sourceMappingURL=[^*]*\*/||' \
  > "$out/govuk-frontend.min.css"
echo "$version" > "$out/VERSION"
echo "GOV.UK Frontend $version vendored into $out"
