# Sourced by ./vesiting, ./serve and bench/run: builds a project in Release only when one of its inputs changed since
# its last build by these scripts.
#   build_if_changed NAME PROJECT DLL INPUT…
# INPUTs are folders, where every file counts (sources, *.csproj, *.sql, *.json, wwwroot …) except bin/, obj/,
# node_modules/ and the web map's copied wwwroot/lib/, or single files (Directory.Build.props …). The stamp is taken
# before the build, so a file saved during a build triggers the next one.
build_if_changed() {
  local name="$1" project="$2" dll="$3"
  shift 3
  local stamp="${dll%/*}/.built-inputs"
  if [[ -f "$dll" && -f "$stamp" ]] && [[ -z "$(find "$@" \( -name bin -o -name obj -o -name node_modules -o -path '*/wwwroot/lib' \) -prune \
      -o -type f -newer "$stamp" -print -quit)" ]]; then
    return 0
  fi
  echo "Building $name (Release)…" >&2
  local started log
  started="$(mktemp)"
  if ! log=$(dotnet build "$project" -c Release --nologo -v quiet 2>&1); then
    rm -f "$started"
    echo "$log" >&2
    return 1
  fi
  mv "$started" "$stamp"
}
