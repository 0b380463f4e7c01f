#!/usr/bin/env bash
# Executes every notebook in this folder headless (a failing cell fails the script) after checking that the
# notebooks are committed without outputs. Needs /usr/bin/python3 with Debian's python3-pandas, python3-matplotlib,
# jupyter-nbconvert, python3-nbclient and python3-ipykernel, and builds target/wirecopy.jar when it is missing.
# The executed copies go to a temporary folder (or $NOTEBOOK_OUT), never over the committed files.
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3
export PYDEVD_DISABLE_FILE_VALIDATION=1
"$PY" - <<'PYEOF'
import json, pathlib, sys
bad = []
for nb in sorted(pathlib.Path(".").glob("*.ipynb")):
    for i, cell in enumerate(json.loads(nb.read_text(encoding="utf-8"))["cells"]):
        if cell.get("cell_type") == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            bad.append(f"{nb}: cell {i} holds outputs")
if bad:
    print("\n".join(bad) + "\nstrip them: jupyter nbconvert --clear-output --inplace notebooks/*.ipynb", file=sys.stderr)
    sys.exit(1)
PYEOF
if [ ! -f ../target/wirecopy.jar ]; then
  (cd .. && mvn -q -o package -DskipTests 2>/dev/null || mvn -q package -DskipTests)
fi
out="${NOTEBOOK_OUT:-$(mktemp -d)}"
mkdir -p "$out"
status=0
for nb in *.ipynb; do
  echo "running $nb"
  if ! "$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
      --ExecutePreprocessor.kernel_name=python3 --output-dir "$out" "$nb"; then
    echo "FAILED: $nb" >&2
    status=1
  fi
done
echo "executed notebooks are in $out"
exit $status
