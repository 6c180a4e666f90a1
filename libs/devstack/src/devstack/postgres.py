"""A local PostgreSQL cluster (Debian's server binaries) under the stack's state folder.

``make run`` keeps its cluster in ``var/run/postgres`` (data survives a restart); each test
session and each benchmark makes a new one in a temporary folder. The server listens on
127.0.0.1 only, without a Unix socket, and runs as the ``postgres`` account when we are root
(PostgreSQL refuses to run as root). The settings are below, each with its reason.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from devstack.processes import as_account

DATABASE = "ferretdb"
SUPERUSER = "postgres"
# FerretDB's own pool towards PostgreSQL. The patched FerretDB holds one connection per command,
# so more commands than this wait for a connection instead of deadlocking (deploy/ferretdb).
FERRETDB_POOL = 40

# A development box: small, quick, and still losing nothing when a process is killed.
_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_directories": "",  # TCP on loopback only: no socket file, no permissions
    "max_connections": "100",  # FerretDB's pool (40) + psql and tools, with room
    "shared_buffers": "128MB",  # the default; 32 MB made scans of 50k documents 2-3x slower
    "synchronous_commit": "on",  # an answered 201 survives kill -9 of any process
    "wal_level": "minimal",  # no replication here: less WAL for every write
    "max_wal_senders": "0",
    "max_wal_size": "1GB",  # fewer checkpoints during a load
    "checkpoint_timeout": "15min",
    "jit": "off",  # JIT compiling costs more than it saves on sub-millisecond queries
    "plan_cache_mode": "force_custom_plan",  # a generic plan cannot match expression indexes
    "log_min_messages": "warning",
    "log_checkpoints": "off",
    "logging_collector": "off",  # logs go to stderr, into the stack's log file
}
# Throwaway clusters (tests) skip fsync: a killed process still loses nothing, since every
# commit is written to the kernel; only a power cut could lose or corrupt such a cluster.
# They also log every plan, as JSON, and refuse a sequential scan wherever an index could serve
# instead: a test then reads in the log whether each query the services made had an index.
_THROWAWAY_SETTINGS = {
    "fsync": "off",
    "full_page_writes": "off",
    "shared_preload_libraries": "auto_explain",
    "auto_explain.log_min_duration": "0",
    "auto_explain.log_format": "json",
    "auto_explain.log_level": "LOG",
    "enable_seqscan": "off",
}
PLAN_LOG_MARK = "plan:"


@dataclass(frozen=True)
class PostgresCluster:
    data_dir: Path
    port: int
    throwaway: bool = False

    @property
    def url(self) -> str:
        """The address FerretDB connects to (pgx URL with its pool size)."""
        return (
            f"postgres://{SUPERUSER}@127.0.0.1:{self.port}/{DATABASE}"
            f"?pool_max_conns={FERRETDB_POOL}"
        )

    def ensure_initialised(self) -> None:
        """Runs initdb once; an existing cluster is kept as it is."""
        if (self.data_dir / "PG_VERSION").is_file():
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.chmod(0o700)
        _hand_over(self.data_dir)
        argv = [_binary("initdb"), "-D", str(self.data_dir), "-U", SUPERUSER, "-A", "trust"]
        argv += ["-E", "UTF8", "--locale=C"] + (["-N"] if self.throwaway else [])
        done = subprocess.run(argv, capture_output=True, text=True, **as_account(server_account()))
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed in {self.data_dir}:\n{done.stdout}{done.stderr}")

    def command(self) -> list[str]:
        """The argv that runs the server in the foreground; SIGINT is its fast shutdown."""
        settings = _SETTINGS | (_THROWAWAY_SETTINGS if self.throwaway else {})
        argv = [_binary("postgres"), "-D", str(self.data_dir), "-p", str(self.port)]
        for name, value in settings.items():
            argv += ["-c", f"{name}={value}"]
        return argv

    def is_ready(self) -> bool:
        probe = [_binary("pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)]
        return subprocess.run(probe, check=False, capture_output=True).returncode == 0

    def ensure_database(self) -> None:
        """Creates FerretDB's database on first start."""
        found = self._psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'")
        if found.strip() != "1":
            self._psql(f"CREATE DATABASE {DATABASE}")

    def busy_with_autovacuum(self) -> bool:
        """True while autovacuum works (after a bulk load it vacuums and analyzes for a while)."""
        workers = self._psql(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'"
        )
        return int(workers.strip() or 0) > 0

    def _psql(self, sql: str) -> str:
        argv = [_binary("psql"), "-X", "-q", "-tA", "-h", "127.0.0.1", "-p", str(self.port)]
        argv += ["-U", SUPERUSER, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql]
        done = subprocess.run(argv, check=True, capture_output=True, text=True)
        return done.stdout


def server_account() -> str | None:
    """Root hands the server to the `postgres` account; anyone else runs it as themselves."""
    return SUPERUSER if os.geteuid() == 0 else None


def _hand_over(data_dir: Path) -> None:
    """As root: the account owns its folder and may pass through the stack's folder above it
    (search only: the names inside stay unlistable). Folders further up are not ours to open."""
    account = server_account()
    if account is None:
        return
    entry = pwd.getpwnam(account)
    os.chown(data_dir, entry.pw_uid, entry.pw_gid)
    state_dir = data_dir.parent
    state_dir.chmod(state_dir.stat().st_mode | 0o001)
    closed = [str(folder) for folder in state_dir.parents if not folder.stat().st_mode & 0o001]
    if closed:
        raise RuntimeError(
            f"the {account} account cannot reach {data_dir}: {', '.join(closed)} "
            "must be searchable by others (chmod o+x)"
        )


def _binary(name: str) -> str:
    """Debian keeps the server programs out of PATH, under /usr/lib/postgresql/<major>/bin."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    for folder in reversed(versions):
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} is missing: `make setup` installs postgresql")
    return found
