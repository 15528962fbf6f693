#!/usr/bin/env bash
# Run by the mongo image once, when the data volume is new, after it has created the root user
# (MONGO_INITDB_ROOT_*). Creates Pandu's users from the variables docker-compose.yml passes
# from .env; the work is in users/pandu-users.mongosh.js, this only runs it as root.
# The image sources this file: no `exit`, and any failing command stops the first start loudly.
set -euo pipefail
mongosh --quiet --host 127.0.0.1 --port 27017 \
  --username "$MONGO_INITDB_ROOT_USERNAME" --password "$MONGO_INITDB_ROOT_PASSWORD" \
  --authenticationDatabase admin \
  --file /docker-entrypoint-initdb.d/users/pandu-users.mongosh
