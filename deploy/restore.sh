#!/usr/bin/env bash
# Restores Pandu's database from a backup made by the `backup` service (deploy/backup/pandu-backup.sh).
# Run on the Docker host, in the directory of docker-compose.yml:
#
#   deploy/restore.sh --list                   the backups in the backup volume, newest first
#   deploy/restore.sh latest                   the newest of them
#   deploy/restore.sh pandu-20261201T190000Z.archive.gz
#   deploy/restore.sh ./offsite/pandu-20261201T190000Z.archive.gz   a copy kept elsewhere
#
# What it does: stops Pandu (nothing may write meanwhile), replaces every collection of the Pandu
# database with the archive's (mongorestore --drop, as MongoDB's root user, inside the mongo
# container), starts Pandu again and waits for it to be healthy. It asks before replacing
# anything; --yes skips the question (for scripts). Users are not part of the archive: they stay.
set -euo pipefail
cd "$(dirname "$0")/.."

compose=(docker compose)
# The database name as docker compose sees it: the shell's PANDU_DB_NAME, else .env's, else pandu.
database=${PANDU_DB_NAME:-}
if [ -z "$database" ] && [ -f .env ]; then
  database=$(sed -n 's/^PANDU_DB_NAME=\([A-Za-z0-9_-]*\).*/\1/p' .env | tail -n 1)
fi
database=${database:-pandu}
[[ $database =~ ^[A-Za-z0-9_-]{1,63}$ ]] || {
  echo "restore: PANDU_DB_NAME \"$database\" is not a MongoDB database name" >&2
  exit 1
}

usage() {
  echo "usage: deploy/restore.sh [--yes] latest|<archive name in the backup volume>|<path to an archive>" >&2
  echo "       deploy/restore.sh --list" >&2
  exit 2
}

list_backups() {
  "${compose[@]}" exec -T mongo sh -c 'ls -1 /backups | grep -E "^pandu-[0-9]{8}T[0-9]{6}Z\.archive\.gz$" | sort -r'
}

assume_yes=false
archive=''
for argument in "$@"; do
  case "$argument" in
    --yes) assume_yes=true ;;
    --list)
      list_backups
      exit 0
      ;;
    -*) usage ;;
    *)
      [ -z "$archive" ] || usage
      archive=$argument
      ;;
  esac
done
[ -n "$archive" ] || usage

# Where the archive comes from: a file on this host (sent through stdin), or one in the volume.
from_host=false
if [ -f "$archive" ]; then
  from_host=true
elif [ "$archive" = latest ]; then
  backups=$(list_backups)
  archive=${backups%%$'\n'*}
  [ -n "$archive" ] || {
    echo "restore: there is no backup in the backup volume yet" >&2
    exit 1
  }
elif [[ ! $archive =~ ^pandu-[0-9]{8}T[0-9]{6}Z\.archive\.gz$ ]]; then
  echo "restore: \"$archive\" is neither a file here nor a backup name such as pandu-20261201T190000Z.archive.gz" >&2
  exit 1
elif ! grep -qx "$archive" <<<"$(list_backups)"; then
  echo "restore: there is no backup \"$archive\" in the backup volume (deploy/restore.sh --list)" >&2
  exit 1
fi

if ! $assume_yes; then
  if [ ! -t 0 ]; then
    echo "restore: not a terminal, so nobody can confirm; add --yes to restore without asking" >&2
    exit 1
  fi
  echo "This REPLACES every collection of the database \"$database\" with the contents of $archive."
  echo "Pandu is stopped meanwhile. Anything done since that backup is lost."
  read -r -p "Type the database name ($database) to go on: " answer
  [ "$answer" = "$database" ] || {
    echo "restore: not confirmed; nothing was changed" >&2
    exit 1
  }
fi

# Inside the mongo container, as MongoDB's root user (its name and password from the container's
# own environment: never on a command line, which ps would show). $1: the database, $2: the archive
# in /backups, or - for stdin. The database is dropped first, so that nothing written after the
# backup stays behind in a collection the archive does not have.
# shellcheck disable=SC2016 # expanded by the container's shell
restore_in_container='
  set -eu
  mongosh --quiet mongodb://127.0.0.1:27017/admin --eval "
    db.auth(process.env.MONGO_INITDB_ROOT_USERNAME, process.env.MONGO_INITDB_ROOT_PASSWORD);
    db.getSiblingDB(\"$1\").dropDatabase();"
  config=$(mktemp)
  trap "rm -f \"$config\"" EXIT
  chmod 600 "$config"
  printf "password: \"%s\"\n" "$(printf %s "$MONGO_INITDB_ROOT_PASSWORD" | sed "s/[\\\\\"]/\\\\&/g")" >"$config"
  if [ "$2" = - ]; then source_option=--archive; else source_option="--archive=/backups/$2"; fi
  mongorestore --host=127.0.0.1 --username="$MONGO_INITDB_ROOT_USERNAME" --config="$config" \
    --authenticationDatabase=admin --nsInclude="$1.*" --drop --gzip "$source_option"
'

echo "restore: stopping pandu"
"${compose[@]}" stop pandu
echo "restore: first a backup of the data as it is now, so that this restore can be undone"
"${compose[@]}" run --rm --no-deps -T backup once
backups=$(list_backups)
undo=${backups%%$'\n'*}
trap 'echo "restore: FAILED; Pandu stays stopped. The data from before is in $undo: deploy/restore.sh $undo puts it back" >&2' ERR
echo "restore: replacing database $database with $archive"
if $from_host; then
  "${compose[@]}" exec -T mongo sh -c "$restore_in_container" restore "$database" - <"$archive"
else
  "${compose[@]}" exec -T mongo sh -c "$restore_in_container" restore "$database" "$archive"
fi
trap - ERR
echo "restore: starting pandu"
"${compose[@]}" up -d --wait pandu
echo "restore: done; Pandu runs on the data of $archive (the data from before is in $undo)"
