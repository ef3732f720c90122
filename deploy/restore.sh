#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into the (empty or existing) database
# DATABASE_URL points at; existing objects are dropped first.
# Usage: DATABASE_URL=postgres://... deploy/restore.sh /backup/oxlo-2027-02-20.dump
set -euo pipefail
: "${DATABASE_URL:?Set DATABASE_URL}"
source="${1:?Give the backup file}"
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --single-transaction --dbname="$DATABASE_URL" "$source"
