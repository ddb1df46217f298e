#!/usr/bin/env bash
# A care-plan platform's sync with ifp-carecoord, in curl and jq: copy it, then replace the
# echo lines by what your platform does with each answer. docs/sync-client.md explains each step;
# PlatformSyncContract (syncClientScript_*) runs this very script against a real server.
#
#   BASE=http://localhost:8080/fhir ./sync-client.sh load FILE
#   BASE=... ./sync-client.sh upsert TYPE 'identifier=SYSTEM|VALUE' FILE
#   BASE=... ./sync-client.sh edit TYPE ID KNOWN_VERSION JQ_CHANGE
#   BASE=... ./sync-client.sh pull 'QUERY with {since}' STATE_FILE
#
# TOKEN: the platform's OAuth 2.0 access token (SMART system/ scopes, see docs/security.md), sent
# as a bearer token; leave it unset only for a server in development mode.
# Needs bash, curl, jq and GNU date.
set -euo pipefail

BASE=${BASE:-http://localhost:8080/fhir}
# How far back each pull reaches before the previous one's server time: a write whose
# transaction was still running when the previous pull ran carries an earlier time.
OVERLAP_SECONDS=${OVERLAP_SECONDS:-0}
AUTH=()
if [ -n "${TOKEN:-}" ]; then AUTH=(-H "Authorization: Bearer $TOKEN"); fi
CURL=(curl -sS --fail-with-body -H 'Accept: application/fhir+json' "${AUTH[@]}")
JSON='Content-Type: application/fhir+json'

# The bar of system|value is not allowed in a URL as such.
encode() { printf '%s' "$1" | sed 's/|/%7C/g'; }

# load FILE: a whole person file as one transaction (all or nothing). Prints each entry's
# status and location; "200 OK" for a resource that was already there (a replay creates nothing).
load() {
  "${CURL[@]}" -X POST "$BASE" -H "$JSON" --data @"$1" \
    | jq -r '.entry[].response | "\(.status) \(.location)"'
}

# upsert TYPE SEARCH FILE: create or update your own record by its identifier, never by the
# server's id. Prints the stored version (version 1: created).
upsert() {
  local type=$1 search=$2 file=$3
  "${CURL[@]}" -X PUT "$BASE/$type?$(encode "$search")" -H "$JSON" --data @"$file" \
    | jq -r '"\(.resourceType)/\(.id)/_history/\(.meta.versionId)"'
}

# edit TYPE ID KNOWN_VERSION JQ_CHANGE: change your copy (the version you last saw) and send it
# with If-Match. If someone else changed the record meanwhile (412), read the current version,
# make the same change to it, and send that with its version. Prints each attempt's status.
edit() {
  local type=$1 id=$2 version=$3 change=$4 body status
  body=$("${CURL[@]}" "$BASE/$type/$id/_history/$version" | jq "$change")
  while true; do
    status=$(curl -sS "${AUTH[@]}" -o /dev/null -w '%{http_code}' -X PUT "$BASE/$type/$id" -H "$JSON" \
      -H "If-Match: W/\"$version\"" --data "$body")
    echo "$status"
    [ "$status" = 412 ] || break
    body=$("${CURL[@]}" -H 'Cache-Control: no-cache' "$BASE/$type/$id")
    version=$(jq -r '.meta.versionId' <<<"$body")
    body=$(jq "$change" <<<"$body")
  done
  [ "$status" = 200 ]
}

# pull QUERY STATE_FILE: what changed since the last pull. QUERY is a search or history below
# the base with {since} where the time goes, e.g. 'CarePlan?_lastUpdated=gt{since}&_count=50' or
# '_history?_since={since}'. Follows every next link; prints each entry as Type/id/_history/v
# (a deletion as "Type/id/_history/v DELETE"); then stores the first page's meta.lastUpdated,
# the server's time of this pull, where the next one starts.
pull() {
  local query=$1 state=$2 since url page first=
  since=$(cat "$state" 2>/dev/null || echo 1970-01-01T00:00:00Z)
  if [ "$OVERLAP_SECONDS" -gt 0 ]; then
    since=$(date -u -d "@$(( $(date -d "$since" +%s) - OVERLAP_SECONDS ))" +%Y-%m-%dT%H:%M:%SZ)
  fi
  url="$BASE/$(encode "${query//\{since\}/$(sed 's/+/%2B/g' <<<"$since")}")"
  while [ -n "$url" ]; do
    page=$("${CURL[@]}" "$url")
    first=${first:-$(jq -r '.meta.lastUpdated' <<<"$page")}
    jq -r '.entry[]? | if .resource then "\(.resource.resourceType)/\(.resource.id)/_history/\(.resource.meta.versionId)"
                      else "\(.request.url) \(.request.method)" end' <<<"$page"
    url=$(jq -r '.link[]? | select(.relation == "next") | .url' <<<"$page")
  done
  echo "$first" >"$state"
}

"$@"
