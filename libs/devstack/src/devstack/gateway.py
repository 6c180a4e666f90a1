"""The nginx gateway: renders deploy/nginx/gateway.conf.template for local ports and runs it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from devstack.paths import repo_root
from devstack.ports import StackPorts


def render_gateway_config(
    ports: StackPorts, replicas: Mapping[str, Sequence[int]], runtime_dir: Path, web_root: Path
) -> Path:
    """The config for these ports; each service's upstream lists every replica of it."""
    template = (repo_root() / "deploy" / "nginx" / "gateway.conf.template").read_text()

    def servers(port_field: str) -> str:
        # A replica that refused a connection is left out for 2 s only: a restarted one is
        # back at once, and a request meanwhile goes to the next replica.
        return " ".join(
            f"server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;" for port in replicas[port_field]
        )

    values = {
        "RUNTIME_DIR": str(runtime_dir),
        # Workers write large bodies to temp files in runtime_dir, which only we can enter.
        "USER_DIRECTIVE": "user root;" if os.geteuid() == 0 else "",
        "LISTEN": f"127.0.0.1:{ports.gateway}",
        "CHECKOUT": servers("checkout"),
        "PROVIDER_GATEWAY": servers("provider_gateway"),
        "IMEI_REGISTRY": servers("imei_registry"),
        "SUPPORT_DESK": servers("support_desk"),
        "OPS_DESK": servers("ops_desk"),
        "WEB_ROOT": str(web_root),
        # The bank's card page is another origin; the web app's CSP lets forms go there.
        "BANK_ORIGIN": f"http://127.0.0.1:{ports.sandboxes}",
    }
    for name, value in values.items():
        template = template.replace(f"@@{name}@@", value)
    runtime_dir.mkdir(parents=True, exist_ok=True)
    config = runtime_dir / "gateway.conf"
    config.write_text(template)
    return config


def nginx_binary() -> str:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if found is None:
        raise RuntimeError(
            "nginx is not installed: run `make setup` (it installs Debian's nginx-light)"
        )
    return found


def gateway_command(config: Path) -> list[str]:
    return [
        nginx_binary(),
        "-p",
        str(config.parent),
        "-c",
        str(config),
        "-e",
        str(config.parent / "error.log"),
    ]
