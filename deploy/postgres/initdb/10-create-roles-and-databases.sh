#!/bin/sh
# Runs once, when the postgres service starts on an empty data volume (docker-entrypoint-initdb.d).
# Changing a password in the environment later does not change the role: use ALTER ROLE for that.
#
#   TEMPORAL_DB_USER     Temporal's role, owner of its two databases (TEMPORAL_DB_NAME,
#                        TEMPORAL_VISIBILITY_DB_NAME), whose schemas the temporal-schema job sets up.
#   NOTAFLOW_DB_USER     the app's role, owner of NOTAFLOW_DB_NAME (the API runs the migrations).
#   NOTAFLOW_DB_NAME     the app's database: separate from Temporal's, closed to other roles.
#
# Values reach SQL as psql variables (:"ident" and :'literal' quote them), never by string pasting.
set -eu

: "${TEMPORAL_DB_USER:?}" "${TEMPORAL_DB_PASSWORD:?}" "${TEMPORAL_DB_NAME:?}" "${TEMPORAL_VISIBILITY_DB_NAME:?}"
: "${NOTAFLOW_DB_USER:?}" "${NOTAFLOW_DB_PASSWORD:?}" "${NOTAFLOW_DB_NAME:?}"

psql --no-psqlrc --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  --set temporal_user="$TEMPORAL_DB_USER" \
  --set temporal_password="$TEMPORAL_DB_PASSWORD" \
  --set temporal_db="$TEMPORAL_DB_NAME" \
  --set temporal_visibility_db="$TEMPORAL_VISIBILITY_DB_NAME" \
  --set app_user="$NOTAFLOW_DB_USER" \
  --set app_password="$NOTAFLOW_DB_PASSWORD" \
  --set app_db="$NOTAFLOW_DB_NAME" <<'SQL'
CREATE ROLE :"temporal_user" LOGIN PASSWORD :'temporal_password';
CREATE DATABASE :"temporal_db" OWNER :"temporal_user";
CREATE DATABASE :"temporal_visibility_db" OWNER :"temporal_user";
REVOKE ALL ON DATABASE :"temporal_db" FROM PUBLIC;
REVOKE ALL ON DATABASE :"temporal_visibility_db" FROM PUBLIC;
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
SQL
