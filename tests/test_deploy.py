"""The Dockerfile and the Kubernetes manifests, read as the tools would read them.

Docker cannot run here, so the image is not built; the manifests are parsed with
PyYAML and the fields that matter are checked, and every command line they hold is
checked against the real `jdmatch` commands and their options.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "kubernetes"


def _docs() -> dict[str, list[dict[str, Any]]]:
    return {
        p.name: [d for d in yaml.safe_load_all(p.read_text(encoding="utf-8")) if d]
        for p in sorted(K8S.glob("*.yaml"))
    }


def _one(kind: str) -> dict[str, Any]:
    found = [d for docs in _docs().values() for d in docs if d.get("kind") == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def _check_command_line(args: list[str]) -> None:
    """``jdmatch ARGS`` parses as the real command line would parse it: known options, values of the right type, required arguments."""
    import typer

    from jdmatch.cli import app

    command = typer.main.get_command(app).commands[args[0]]
    try:
        command.make_context(
            f"jdmatch {args[0]}", list(args[1:])
        )  # parses and checks, runs nothing
    except Exception as exc:
        raise AssertionError(f"`jdmatch {shlex.join(args)}` does not parse: {exc}") from None


def _container(workload: dict[str, Any]) -> dict[str, Any]:
    containers = workload["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def _port_number(container: dict[str, Any], port: Any) -> int:
    if isinstance(port, int):
        return port
    return next(p["containerPort"] for p in container["ports"] if p["name"] == port)


def test_every_manifest_parses_and_kustomization_lists_them() -> None:
    docs = _docs()
    assert set(docs) == {"deployment.yaml", "service.yaml", "batch-job.yaml", "kustomization.yaml"}
    for name, items in docs.items():
        for d in items:
            assert d.get("apiVersion") and d.get("kind"), name
    kustomization = docs["kustomization.yaml"][0]
    assert sorted(kustomization["resources"]) == sorted(
        n for n in docs if n != "kustomization.yaml"
    )


def test_deployment_probes_resources_token_and_security() -> None:
    deployment = _one("Deployment")
    assert deployment["apiVersion"] == "apps/v1"
    spec = deployment["spec"]
    template = spec["template"]
    assert spec["selector"]["matchLabels"].items() <= template["metadata"]["labels"].items()
    container = _container(deployment)
    args = container["args"]
    assert args[0] == "serve"
    _check_command_line(args)
    port = int(args[args.index("--port") + 1])
    assert args[args.index("--host") + 1] == "0.0.0.0"
    assert "--insecure" not in args  # an open bind needs the token
    for probe in ("readinessProbe", "livenessProbe"):
        http = container[probe]["httpGet"]
        assert http["path"] == "/healthz" and _port_number(container, http["port"]) == port, probe
    for kind in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(container["resources"][kind]), kind
    token = next(e for e in container["env"] if e["name"] == "JDMATCH_TOKEN")
    assert (
        set(token) == {"name", "valueFrom"} and token["valueFrom"]["secretKeyRef"]["key"] == "token"
    )
    assert token["valueFrom"]["secretKeyRef"]["name"] == "jdmatch-token"
    pod_security = template["spec"]["securityContext"]
    assert pod_security["runAsNonRoot"] is True and pod_security["runAsUser"] != 0
    security = container["securityContext"]
    assert (
        security["allowPrivilegeEscalation"] is False and security["readOnlyRootFilesystem"] is True
    )
    assert security["capabilities"]["drop"] == ["ALL"]
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    assert "/tmp" in mounts and mounts["/tmp"] in {v["name"] for v in template["spec"]["volumes"]}


def test_service_reaches_the_deployment() -> None:
    service, deployment = _one("Service"), _one("Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    container = _container(deployment)
    (port,) = service["spec"]["ports"]
    assert _port_number(container, port["targetPort"]) == int(
        container["args"][container["args"].index("--port") + 1]
    )


def test_batch_job_runs_on_dask() -> None:
    job = _one("Job")
    assert job["apiVersion"] == "batch/v1"
    pod = job["spec"]["template"]["spec"]
    assert pod["restartPolicy"] in {"Never", "OnFailure"}
    container = _container(job)
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    # Kubernetes expands $(NAME) in args from the container's environment
    args = [re.sub(r"\$\((\w+)\)", lambda m: env[m.group(1)], a) for a in container["args"]]
    assert args[0] == "batch"
    _check_command_line(args)
    assert args[args.index("--engine") + 1] == "dask"
    assert args[args.index("--scheduler") + 1].startswith("tcp://")
    assert "--resume" in args  # a retried pod continues the run
    output = args[args.index("--output") + 1]
    mounts = [m["mountPath"] for m in container["volumeMounts"]]
    assert any(output.startswith(m.rstrip("/") + "/") for m in mounts)
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert _container(job)["image"] == _container(_one("Deployment"))["image"]


def _stages(dockerfile: str) -> list[list[str]]:
    """The Dockerfile's instructions (continuations joined), split into stages at each FROM."""
    text = re.sub(r"\\\n", " ", dockerfile)
    stages: list[list[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            stages.append([])
        stages[-1].append(line)
    return stages


def test_dockerfile_is_multi_stage_slim_and_unprivileged() -> None:
    stages = _stages((ROOT / "Dockerfile").read_text(encoding="utf-8"))
    assert len(stages) >= 2
    build, final = stages[0], stages[-1]
    assert "slim" in final[0]
    assert any("pip wheel" in line for line in build)  # the wheel is built in the first stage...
    install = " ".join(line for line in final if line.upper().startswith("RUN"))
    assert (
        "--no-index" in install and "/wheels" in install and "jdmatch[serve" in install
    )  # ...and installed offline in the last
    assert not re.search(r"apt-get|build-essential|gcc|\bmake\b", install)
    assert "pip uninstall" in install
    users = [line.split(None, 1)[1] for line in final if line.upper().startswith("USER ")]
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert not any(
        line.upper().startswith("COPY") and "src" in line for line in final
    )  # no sources in the image
    entry = next(line for line in final if line.upper().startswith("ENTRYPOINT"))
    cmd = next(line for line in final if line.upper().startswith("CMD"))
    import json

    assert json.loads(entry.split(None, 1)[1]) == ["jdmatch"]
    args = json.loads(cmd.split(None, 1)[1])
    _check_command_line(args)
    assert f"EXPOSE {args[args.index('--port') + 1]}" in final


def test_dockerignore_keeps_the_build_context_small() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "tests"} <= set(ignored)
    for needed in ("src", "lexicon", "pyproject.toml", "README.md"):
        assert needed not in ignored


def test_check_command_line_catches_a_wrong_option() -> None:
    with pytest.raises(AssertionError, match="--worker"):
        _check_command_line(shlex.split("serve --worker 2"))
    with pytest.raises(AssertionError):
        _check_command_line(shlex.split("batch --output x.csv"))  # no input
    with pytest.raises(AssertionError):
        _check_command_line(shlex.split("serve --port eighty"))
    _check_command_line(shlex.split("serve --port 80 --workers 2"))
