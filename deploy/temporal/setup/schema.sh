#!/bin/sh
# Temporal's two schemas set up, then brought to the server's version: docker-compose runs it once in the
# admin-tools image (service temporal-schema) before the Temporal services start; `npm run start:cluster` runs
# the same two steps with the SQL tool built from the server's module (scripts/lib/temporal-cluster.ts).
# Idempotent: a second run applies only what a newer server version brings.
#
#   SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER, SQL_PASSWORD   read by temporal-sql-tool itself
#   SCHEMA_DIR        the versioned schemas (the admin-tools image keeps them in /etc/temporal/schema)
#   TEMPORAL_SQL_TOOL the SQL tool, when it is not temporal-sql-tool on the PATH
#   DBNAME, VISIBILITY_DBNAME   the two databases, created (owned by SQL_USER) by deploy/postgres/initdb
set -eu

: "${SQL_PLUGIN:?}" "${SQL_HOST:?}" "${SQL_USER:?}" "${SQL_PASSWORD:?}"
schema_dir="${SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}"
tool="${TEMPORAL_SQL_TOOL:-temporal-sql-tool}"

"$tool" --db "${DBNAME:-temporal}" setup-schema -v 0.0
"$tool" --db "${DBNAME:-temporal}" update-schema -d "$schema_dir/temporal/versioned"
"$tool" --db "${VISIBILITY_DBNAME:-temporal_visibility}" setup-schema -v 0.0
"$tool" --db "${VISIBILITY_DBNAME:-temporal_visibility}" update-schema -d "$schema_dir/visibility/versioned"
