#!/usr/bin/env bash
# Executes every notebook in this folder headless (a failing cell fails the script) after checking that the
# notebooks are committed without outputs. Needs /usr/bin/python3 with Debian's python3-pandas, python3-matplotlib,
# jupyter-nbconvert, python3-nbclient and python3-ipykernel, and builds target/wirecopy.jar when it is missing.
# Java notebooks run on the rapaio Jupyter kernel (io.github.padreati:rapaio-jupyter-kernel, Maven Central), copied
# to target/notebook-kernel/ by Maven and registered in a private kernel folder (target/jupyter/kernels), so
# nothing is installed in the user's Jupyter folders. Each notebook runs on the kernel its metadata names.
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
# the Java kernel: its jar from Maven (offline first), and a kernel spec under the name its installer uses
RJK_VERSION=3.0.1
rjk="$(cd .. && pwd)/target/notebook-kernel/rapaio-jupyter-kernel-$RJK_VERSION.jar"
if [ ! -f "$rjk" ]; then
  (cd .. && { mvn -q -o dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION \
      -DoutputDirectory=target/notebook-kernel 2>/dev/null \
    || mvn -q dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:$RJK_VERSION \
      -DoutputDirectory=target/notebook-kernel; })
fi
kernels="$(cd .. && pwd)/target/jupyter"
mkdir -p "$kernels/kernels/rapaio-jupyter-kernel"
"$PY" - "$rjk" "$kernels/kernels/rapaio-jupyter-kernel/kernel.json" "$kernels/mima_cache" <<'PYEOF'
import json, sys
json.dump({"argv": ["java", "-jar", sys.argv[1], "{connection_file}"], "display_name": "Java (rjk)",
           "language": "java", "interrupt_mode": "message",
           "env": {"RJK_TIMEOUT_MILLIS": "-1", "RJK_MIMA_CACHE": sys.argv[3]}},
          open(sys.argv[2], "w", encoding="utf-8"), indent=1)
PYEOF
export JUPYTER_PATH="$kernels${JUPYTER_PATH:+:$JUPYTER_PATH}"
out="${NOTEBOOK_OUT:-$(mktemp -d)}"
mkdir -p "$out"
status=0
for nb in *.ipynb; do
  # the rapaio kernel now and then never answers its first kernel_info request (no cell has run then): such a
  # start is retried, up to three starts; a failing cell is never retried
  for attempt in 1 2 3; do
    echo "running $nb (start $attempt)"
    log="$out/$nb.log"
    if "$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
        --ExecutePreprocessor.startup_timeout=90 --output-dir "$out" "$nb" >"$log" 2>&1; then
      ok=1
    else
      ok=0
    fi
    if [ $ok = 1 ] || ! grep -q "Kernel didn't respond in" "$log"; then break; fi
    echo "the kernel did not answer at start (attempt $attempt); starting it again" >&2
  done
  grep -v '^\[20[0-9-]* [0-9:]*\] \[INFO' "$log" | tail -n 40 >&2 || true
  if [ $ok != 1 ]; then
    echo "FAILED: $nb (log: $log)" >&2
    status=1
  fi
done
echo "executed notebooks are in $out"
exit $status
