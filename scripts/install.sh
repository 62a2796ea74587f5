# Sourced by start.sh and test.sh: installs the locked dependencies when they are missing or stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "notaflow | installing dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
