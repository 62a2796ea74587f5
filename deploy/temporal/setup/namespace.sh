#!/bin/sh
# The namespace and the custom search attributes, registered when missing: docker-compose runs it once in the
# admin-tools image (service temporal-namespace) once the frontend answers; `npm run start:cluster` registers the
# same through the SDK (scripts/lib/temporal-cluster.ts, registerNamespace).
#
#   TEMPORAL_ADDRESS    the frontend, read by the temporal CLI itself
#   NAMESPACE           the product's namespace
#   RETENTION           how long closed flows stay in Temporal (the record itself lives in PostgreSQL)
#   SEARCH_ATTRIBUTES   Keyword attributes, separated by spaces: how an operator finds a nota's flow
set -eu

: "${TEMPORAL_ADDRESS:?}" "${NAMESPACE:?}" "${RETENTION:?}" "${SEARCH_ATTRIBUTES:?}"

if ! temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
fi
for name in $SEARCH_ATTRIBUTES; do
  # A namespace just registered is not known to the frontend for a few seconds: try until it is.
  tries=0
  until temporal operator search-attribute list --namespace "$NAMESPACE" --output json | grep -q "\"$name\""; do
    temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type Keyword || true
    tries=$((tries + 1))
    [ "$tries" -lt 30 ] || { echo "search attribute $name could not be added" >&2; exit 1; }
    sleep 2
  done
done
echo "namespace $NAMESPACE with search attributes $SEARCH_ATTRIBUTES"
