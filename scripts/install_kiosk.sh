#!/usr/bin/env bash
# Installs a kiosk station on a Debian/Ubuntu machine that does nothing else:
#   - a dedicated user `kiosk`, the project in /opt/kiosk-mot-cua with its own .venv;
#   - the kiosk started at boot in cage (a Wayland compositor that shows one full-screen app and
#     nothing else: no desktop, no task switcher), restarted within 2 s if it dies, and by the
#     systemd watchdog if its screen hangs (the app pings every WatchdogSec/2);
#   - logs in the journal, capped and rotated by journald;
#   - the database backed up every night to the backup folder, 30 days kept.
# Usage: sudo scripts/install_kiosk.sh [--station NAME] [--root DIR]
#   --root DIR writes the files under DIR and changes nothing else (to review or to test them).
set -euo pipefail
cd "$(dirname "$0")/.."

STATION="kiosk-1"
ROOT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --station) STATION="$2"; shift 2 ;;
    --root) ROOT="$2"; shift 2 ;;
    *) echo "install_kiosk: unknown option $1" >&2; exit 2 ;;
  esac
done

APP=/opt/kiosk-mot-cua
USER_NAME=kiosk
UNITS="$ROOT/etc/systemd/system"
mkdir -p "$UNITS" "$ROOT/etc/systemd/journald.conf.d" "$ROOT/etc/kiosk-mot-cua"

if [ -z "$ROOT" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cage rsync
  id "$USER_NAME" >/dev/null 2>&1 \
    || useradd --system --create-home --shell /usr/sbin/nologin \
         --groups video,input,render "$USER_NAME"
  mkdir -p "$APP"
  rsync -a --delete --exclude .venv --exclude .git ./ "$APP/"
  (cd "$APP" && ./scripts/setup.sh)
  chown -R "$USER_NAME": "$APP"
fi

cat > "$ROOT/etc/kiosk-mot-cua/kiosk.toml" <<TOML
station_name = "$STATION"
backup_folder = "/var/backups/kiosk-mot-cua"
backup_keep_days = 30
TOML

cat > "$UNITS/kiosk-mot-cua.service" <<UNIT
[Unit]
Description=Feedback kiosk (kiosk-mot-cua, station $STATION)
After=systemd-user-sessions.service network-online.target
Conflicts=getty@tty1.service

[Service]
Type=notify
# The app runs under cage, so its pings come from a child of the main process.
NotifyAccess=all
User=$USER_NAME
PAMName=login
TTYPath=/dev/tty1
StandardInput=tty
StandardOutput=journal
StandardError=journal
Environment=KIOSK_CONFIG=/etc/kiosk-mot-cua/kiosk.toml
ExecStart=/usr/bin/cage -s -- $APP/.venv/bin/kiosk run --station kiosk
Restart=always
RestartSec=2
WatchdogSec=30
TimeoutStartSec=60

[Install]
WantedBy=graphical.target
UNIT

cat > "$UNITS/kiosk-mot-cua-backup.service" <<UNIT
[Unit]
Description=Nightly backup of the feedback kiosk's database

[Service]
Type=oneshot
User=$USER_NAME
Environment=KIOSK_CONFIG=/etc/kiosk-mot-cua/kiosk.toml
ExecStartPre=+/usr/bin/install -d -o $USER_NAME -m 0700 /var/backups/kiosk-mot-cua
ExecStart=$APP/.venv/bin/kiosk db backup
UNIT

cat > "$UNITS/kiosk-mot-cua-backup.timer" <<UNIT
[Unit]
Description=Back up the feedback kiosk's database every night

[Timer]
OnCalendar=*-*-* 02:30
Persistent=true

[Install]
WantedBy=timers.target
UNIT

cat > "$ROOT/etc/systemd/journald.conf.d/kiosk-mot-cua.conf" <<CONF
# The kiosk runs for years: keep its logs, but never let them fill the disk.
[Journal]
SystemMaxUse=200M
MaxRetentionSec=90day
CONF

if [ -z "$ROOT" ]; then
  systemctl daemon-reload
  systemctl restart systemd-journald
  systemctl set-default graphical.target
  systemctl enable --now kiosk-mot-cua.service kiosk-mot-cua-backup.timer
  echo "install_kiosk: station $STATION installed; it starts at every boot"
  # Keys are never made behind anyone's back: until these two steps the kiosk says calmly that
  # it cannot take ratings now, and its journal names the file and the command.
  echo "install_kiosk: then, as user kiosk: copy the office's receipt-signing.key into its data"
  echo "  directory (or, for a new office, nothing), run 'kiosk keys init', and have a manager run"
  echo "  'kiosk keys register $STATION --counter N'"
else
  echo "install_kiosk: files written under $ROOT"
fi
