#!/usr/bin/env bash
# Library code must not force-unwrap, force-try or force-cast (swift-format's Never* rules,
# configured in .swift-format). Layout warnings of swift-format are not enforced.
set -euo pipefail
cd "$(dirname "$0")/.."
findings=$(swift format lint -r Sources 2>&1 | grep -E '\[(NeverForceUnwrap|NeverUseForceTry|NeverUseImplicitlyUnwrappedOptionals)\]' || true)
if [ -n "$findings" ]; then
  echo "$findings"
  echo "lint: force unwraps/tries in library code (see above)" >&2
  exit 1
fi
grep -rn --include=*.swift -E '\bas!' Sources && { echo "lint: as! in library code" >&2; exit 1; }
echo "lint: no force unwraps, force tries or force casts in Sources/"
