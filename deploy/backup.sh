#!/usr/bin/env bash
# Back up the portal's PostgreSQL database to one custom-format file.
# Usage: DATABASE_URL=postgres://... deploy/backup.sh /backup/oxlo-$(date +%F).dump
set -euo pipefail
: "${DATABASE_URL:?Set DATABASE_URL}"
target="${1:?Give the file to write}"
pg_dump --format=custom --no-owner --no-privileges --file="$target.partial" \
  --dbname="$DATABASE_URL"
mv "$target.partial" "$target"  # a file under its final name is always complete
echo "$target"
