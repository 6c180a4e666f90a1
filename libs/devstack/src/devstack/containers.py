"""Real MongoDB and Apache Kafka in Docker, for test runs on machines with a Docker engine.

``start_containers`` starts the official ``mongo`` image as a one-node replica set (``rs0``,
initiated here; clients connect with ``directConnection=true``, since the member's name is the
container's own ``localhost:27017``) and the official ``apache/kafka`` image in KRaft mode, and
returns their addresses. testcontainers is imported inside the functions: local runs, without
Docker, never import it. Its reaper (Ryuk) removes the containers if this process dies.

testcontainers-python's ``KafkaContainer`` drives Confluent's images only (its start script runs
``/etc/confluent/docker/*``), so Kafka is a plain ``DockerContainer`` started the way
testcontainers-java starts ``apache/kafka``: the container waits for a start script, which is
written once the mapped port is known, so the broker advertises the address the host reaches.
"""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from devstack.infra import ExternalInfrastructure

if TYPE_CHECKING:
    from testcontainers.core.container import DockerContainer

__all__ = ["KAFKA_IMAGE", "MONGO_IMAGE", "REPLICA_SET", "RunningContainers", "start_containers"]

MONGO_IMAGE = "mongo:7"
KAFKA_IMAGE = "apache/kafka:4.1.0"  # as deploy/docker-compose.yml
REPLICA_SET = "rs0"
START_TIMEOUT = 180.0  # seconds per container, a first pull of the image included

_MONGO_PORT = 27017
_KAFKA_PORT = 9092  # the listener the host reaches (mapped to a free port)
_KAFKA_START_SCRIPT = "/tmp/portal-kafka-start.sh"
_KAFKA_SCRIPT_READY = "/tmp/portal-kafka-start.ready"  # written after the script is complete
# The image turns KAFKA_FOO_BAR into foo.bar; the same settings as deploy/kafka's template.
_KAFKA_ENV = {
    "CLUSTER_ID": "nkI_qbuyQSyozfEzajhmmg",
    "KAFKA_NODE_ID": "1",
    "KAFKA_PROCESS_ROLES": "broker,controller",
    "KAFKA_LISTENERS": (
        f"PLAINTEXT://0.0.0.0:{_KAFKA_PORT},BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094"
    ),
    "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP": (
        "PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT"
    ),
    "KAFKA_INTER_BROKER_LISTENER_NAME": "BROKER",
    "KAFKA_CONTROLLER_LISTENER_NAMES": "CONTROLLER",
    "KAFKA_CONTROLLER_QUORUM_VOTERS": "1@localhost:9094",
    "KAFKA_LOG_DIRS": "/tmp/kraft-combined-logs",
    "KAFKA_AUTO_CREATE_TOPICS_ENABLE": "false",  # topics are created explicitly, as locally
    "KAFKA_NUM_PARTITIONS": "4",
    "KAFKA_DEFAULT_REPLICATION_FACTOR": "1",
    "KAFKA_MIN_INSYNC_REPLICAS": "1",
    "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR": "1",
    "KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS": "4",
    "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR": "1",
    "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR": "1",
    "KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS": "4",
    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR": "1",
    "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR": "1",
    "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS": "0",
}


@dataclass
class RunningContainers:
    external: ExternalInfrastructure
    containers: list[DockerContainer] = field(default_factory=list)

    def stop(self) -> None:
        _stop_all(self.containers)


def start_containers(timeout: float = START_TIMEOUT) -> RunningContainers:
    """Starts MongoDB, then Kafka (one at a time: the reaper is created by the first start).

    On any failure the containers already created are removed before the error is raised.
    """
    started: list[DockerContainer] = []
    try:
        mongo_url = _start_mongo(started, timeout)
        kafka_bootstrap = _start_kafka(started, timeout)
    except BaseException:
        with contextlib.suppress(Exception):  # the start's own error is the one to see
            _stop_all(started)
        raise
    return RunningContainers(ExternalInfrastructure(mongo_url, kafka_bootstrap), started)


def _start_mongo(started: list[DockerContainer], timeout: float) -> str:
    from testcontainers.core.container import DockerContainer
    from testcontainers.core.wait_strategies import LogMessageWaitStrategy

    ready = LogMessageWaitStrategy(re.compile(r"Waiting for connections", re.IGNORECASE))
    container = (
        DockerContainer(MONGO_IMAGE)
        # No root user: a replica set with authorisation would also need a key file.
        .with_command(["mongod", "--replSet", REPLICA_SET, "--bind_ip_all"])
        .with_exposed_ports(_MONGO_PORT)
        .waiting_for(ready.with_startup_timeout(int(timeout)))
    )
    started.append(container)  # before start(): a half-started container is removed too
    container.start()
    address = _address(container.get_container_host_ip(), container.get_exposed_port(_MONGO_PORT))
    url = f"mongodb://{address}/?directConnection=true"
    _initiate_replica_set(url, timeout)
    return url


def _initiate_replica_set(url: str, timeout: float) -> None:
    """rs.initiate with the member as the container sees itself, then wait for a primary."""
    from pymongo import MongoClient

    client: MongoClient[dict[str, Any]] = MongoClient(url, serverSelectionTimeoutMS=10_000)
    try:
        config = {"_id": REPLICA_SET, "members": [{"_id": 0, "host": f"localhost:{_MONGO_PORT}"}]}
        client.admin.command("replSetInitiate", config)
        deadline = time.monotonic() + timeout
        while not client.admin.command("hello").get("isWritablePrimary"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"MongoDB at {url} was not primary after {timeout:.0f}s")
            time.sleep(0.2)
    finally:
        client.close()


def _start_kafka(started: list[DockerContainer], timeout: float) -> str:
    from testcontainers.core.container import DockerContainer
    from testcontainers.core.wait_strategies import LogMessageWaitStrategy

    wait_for_script = (
        f"while [ ! -f {_KAFKA_SCRIPT_READY} ]; do sleep 0.1; done; exec bash {_KAFKA_START_SCRIPT}"
    )
    container = (
        DockerContainer(KAFKA_IMAGE)
        .with_envs(**_KAFKA_ENV)
        .with_exposed_ports(_KAFKA_PORT)
        .with_command(["sh", "-c", wait_for_script])
    )
    started.append(container)
    container.start()  # running, waiting for the script
    bootstrap = _address(container.get_container_host_ip(), container.get_exposed_port(_KAFKA_PORT))
    script = (
        "#!/bin/bash\n"
        # The host's clients are told the mapped address; the broker's own listener its name.
        f"export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://{bootstrap},BROKER://$(hostname):9093\n"
        "exec /etc/kafka/docker/run\n"
    )
    container.copy_into_container(script.encode(), _KAFKA_START_SCRIPT, 0o755)
    container.copy_into_container(b"", _KAFKA_SCRIPT_READY)
    ready = LogMessageWaitStrategy(re.compile(r"Kafka Server started"))
    ready.with_startup_timeout(int(timeout)).wait_until_ready(container)
    return bootstrap


def _address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _stop_all(containers: list[DockerContainer]) -> None:
    """Removes every container, the last started first; the first error is raised at the end."""
    failure: BaseException | None = None
    for container in reversed(containers):
        try:
            container.stop()
        except Exception as exc:
            failure = failure or exc
    containers.clear()
    if failure is not None:
        raise failure
