#!/usr/bin/env bash
# Backups of Pandu's database: `mongodump --archive --gzip` into BACKUP_DIR, keeping BACKUP_KEEP_DAYS
# days. Run by the `backup` service of docker-compose.yml (image mongo:7, which has mongodump).
#
#   pandu-backup.sh run     back up now if the newest backup is older than a day, then every day
#                           at BACKUP_TIME_UTC (HH:MM, UTC); a failed backup is retried after an hour
#   pandu-backup.sh once    one backup now, then the old ones are pruned (exit 1 if it failed)
#   pandu-backup.sh check   exit 0 if the newest backup is at most 25 hours old (the health check)
#
# Archives are named pandu-YYYYMMDDTHHMMSSZ.archive.gz (UTC); the age that retention uses is read
# from the name, not from the file's time, so copying the files elsewhere and back keeps them right.
# A dump is written to a .partial file and renamed only when mongodump succeeded; old archives are
# removed only after a successful backup, and the newest archive is never removed.
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-/backups}
BACKUP_KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
BACKUP_TIME_UTC=${BACKUP_TIME_UTC:-19:00}
MONGO_HOST=${MONGO_HOST:-mongo:27017}
PANDU_DB_NAME=${PANDU_DB_NAME:-pandu}
MONGO_BACKUP_USERNAME=${MONGO_BACKUP_USERNAME:-pandu-backup}
MONGO_BACKUP_PASSWORD=${MONGO_BACKUP_PASSWORD:-}
RETRY_SECONDS=3600
MAX_AGE_SECONDS=$((25 * 3600))

log() { printf '%s pandu-backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
fail() {
  log "$*"
  exit 1
}

check_settings() {
  [[ $BACKUP_KEEP_DAYS =~ ^[0-9]+$ ]] && ((10#$BACKUP_KEEP_DAYS >= 1 && 10#$BACKUP_KEEP_DAYS <= 3650)) ||
    fail "BACKUP_KEEP_DAYS must be a whole number of days from 1 to 3650, not \"$BACKUP_KEEP_DAYS\""
  [[ $BACKUP_TIME_UTC =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] ||
    fail "BACKUP_TIME_UTC must be a time such as 19:00 (HH:MM, UTC), not \"$BACKUP_TIME_UTC\""
  [ -d "$BACKUP_DIR" ] && [ -w "$BACKUP_DIR" ] || fail "BACKUP_DIR $BACKUP_DIR is not a writable directory"
}

# Seconds since the epoch of an archive, from its name (pandu-20261201T190000Z.archive.gz).
archive_time() {
  local stamp=${1##*/pandu-}
  stamp=${stamp%.archive.gz}
  [[ $stamp =~ ^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z$ ]] || return 1
  date -u -d "${BASH_REMATCH[1]}-${BASH_REMATCH[2]}-${BASH_REMATCH[3]}T${BASH_REMATCH[4]}:${BASH_REMATCH[5]}:${BASH_REMATCH[6]}Z" +%s
}

# The archives, newest first (the names sort by time).
archives() { find "$BACKUP_DIR" -maxdepth 1 -type f -name 'pandu-*.archive.gz' | sort -r; }

newest_age_seconds() {
  local newest
  newest=$(archives | head -n 1)
  [ -n "$newest" ] || return 1
  echo $(($(date -u +%s) - $(archive_time "$newest")))
}

back_up() {
  [ -n "$MONGO_BACKUP_PASSWORD" ] || fail "MONGO_BACKUP_PASSWORD is not set"
  local name partial config
  name="pandu-$(date -u +%Y%m%dT%H%M%SZ).archive.gz"
  partial="$BACKUP_DIR/.$name.partial"
  # The password goes in a file only this process can read, not on the command line (ps shows that).
  config=$(mktemp)
  chmod 600 "$config"
  printf 'password: "%s"\n' "$MONGO_BACKUP_PASSWORD" >"$config"
  log "backing up database $PANDU_DB_NAME to $BACKUP_DIR/$name"
  if ! mongodump --host="$MONGO_HOST" --username="$MONGO_BACKUP_USERNAME" --config="$config" \
    --authenticationDatabase=admin --db="$PANDU_DB_NAME" --archive="$partial" --gzip --quiet; then
    rm -f "$config" "$partial"
    log "backup FAILED: mongodump exited non-zero; older backups are kept"
    return 1
  fi
  rm -f "$config"
  [ -s "$partial" ] || {
    rm -f "$partial"
    log "backup FAILED: mongodump wrote nothing; older backups are kept"
    return 1
  }
  mv "$partial" "$BACKUP_DIR/$name"
  log "backup done: $name ($(du -h "$BACKUP_DIR/$name" | cut -f1))"
  prune
}

# Removes archives older than BACKUP_KEEP_DAYS, never the newest, and partial files left by a crash.
prune() {
  local now keep newest file taken
  now=$(date -u +%s)
  keep=$((10#$BACKUP_KEEP_DAYS * 86400))
  newest=$(archives | head -n 1)
  while IFS= read -r file; do
    [ -n "$file" ] && [ "$file" != "$newest" ] || continue
    if ! taken=$(archive_time "$file"); then
      log "left alone (not a name this script writes): $file"
      continue
    fi
    if ((now - taken > keep)); then
      rm -f "$file"
      log "removed (older than $BACKUP_KEEP_DAYS days): ${file##*/}"
    fi
  done < <(archives)
  find "$BACKUP_DIR" -maxdepth 1 -type f -name '.pandu-*.partial' -mmin +1440 -delete
}

seconds_until_next_run() {
  local now next
  now=$(date -u +%s)
  next=$(date -u -d "today $BACKUP_TIME_UTC" +%s)
  ((next > now)) || next=$(date -u -d "tomorrow $BACKUP_TIME_UTC" +%s)
  echo $((next - now))
}

run_forever() {
  local age wait
  log "daily at $BACKUP_TIME_UTC UTC, keeping $BACKUP_KEEP_DAYS days, in $BACKUP_DIR"
  if ! age=$(newest_age_seconds) || ((age > 86400)); then
    back_up || sleep "$RETRY_SECONDS"
  fi
  while true; do
    wait=$(seconds_until_next_run)
    log "next backup in $((wait / 60)) minutes"
    # In the background, so that a stop signal is handled at once rather than after the sleep.
    sleep "$wait" &
    wait $! || true
    until back_up; do
      sleep "$RETRY_SECONDS" &
      wait $! || true
    done
  done
}

trap 'log "stopping"; exit 0' TERM INT

case "${1:-}" in
  run)
    check_settings
    run_forever
    ;;
  once)
    check_settings
    back_up
    ;;
  check)
    age=$(newest_age_seconds) || fail "no backup in $BACKUP_DIR yet"
    ((age <= MAX_AGE_SECONDS)) || fail "the newest backup is $((age / 3600)) hours old"
    ;;
  *)
    echo "usage: $0 run|once|check" >&2
    exit 2
    ;;
esac
