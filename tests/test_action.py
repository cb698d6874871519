"""action.yml: its shape, and its shell steps run for real against a temporary repository
(with GitHub's step environment simulated: GITHUB_OUTPUT, RUNNER_TEMP, the step's env)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML (a pre-commit dependency) is needed to read action.yml")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed-article.txt"
pytestmark = pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None,
                                reason="bash and git are needed")


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def step(action: dict, name_start: str) -> dict:
    for s in action["runs"]["steps"]:
        if s.get("name", "").startswith(name_start):
            return s
    raise AssertionError(f"no step named {name_start!r}")


def test_action_shape(action):
    assert action["runs"]["using"] == "composite"
    uses = [s.get("uses", "") for s in action["runs"]["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    install = step(action, "Install numcheck")["run"]
    assert "$GITHUB_ACTION_PATH" in install
    for s in action["runs"]["steps"]:
        if "run" in s:
            assert s["shell"] == "bash"
            assert "${{" not in s["run"], "expressions belong in env:, not in scripts (injection)"
    assert "--format sarif" in step(action, "Run numcheck")["run"]
    assert "--format github" in step(action, "Annotate")["run"]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T",
                "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
                "GIT_COMMITTER_EMAIL": "t@example.org"})
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "numcheck"
    wrapper.write_text(f"#!/bin/sh\nexec {sys.executable} -m numcheck \"$@\"\n")
    wrapper.chmod(0o755)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
    r = tmp_path / "repo"
    (r / "news").mkdir(parents=True)

    def git(*args):
        return subprocess.run(["git", *args], cwd=r, env=env, check=True, capture_output=True, text=True).stdout

    git("init", "-q", "-b", "main")
    shutil.copy(SEED, r / "news" / "old.txt")
    shutil.copy(SEED, r / "news" / "new.txt")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    base = git("rev-parse", "HEAD").strip()
    with open(r / "news" / "new.txt", "a", encoding="utf-8") as fh:
        fh.write("\nA late paragraph.\n")
    git("commit", "-q", "-am", "edit")
    return r, env, base, tmp_path


def run_step(script: str, cwd: Path, env: dict, step_env: dict, tmp: Path) -> tuple[subprocess.CompletedProcess, dict]:
    out_file = tmp / "github_output"
    out_file.write_text("")
    runner_temp = tmp / "runner_temp"
    runner_temp.mkdir(exist_ok=True)
    full = {**env, **step_env, "GITHUB_OUTPUT": str(out_file), "RUNNER_TEMP": str(runner_temp)}
    # GitHub runs `bash --noprofile --norc -eo pipefail {0}`
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=full,
                          capture_output=True, text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in out_file.read_text().splitlines() if "=" in line)
    return proc, outputs


def test_action_steps_check_only_changed_files(action, repo):
    r, env, base, tmp = repo
    proc, out = run_step(step(action, "Find the base")["run"], r, env,
                         {"EVENT": "push", "BEFORE": base, "PR_BASE": "", "CHANGED_ONLY": "true"}, tmp)
    assert proc.returncode == 0, proc.stderr
    assert out == {"base": base}

    proc, out = run_step(step(action, "Run numcheck")["run"], r, env,
                         {"BASE": base, "FAIL_ON": "", "SARIF": "numcheck.sarif", "PATHS": ".",
                          "EXTRA": "--date 2023-12-27"}, tmp)
    assert proc.returncode == 0, proc.stderr  # the step itself never fails: a later one decides
    assert out["exit-code"] == "1" and out["sarif"] == "yes", proc.stdout + proc.stderr
    sarif = json.loads((r / "numcheck.sarif").read_text(encoding="utf-8"))
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for res in sarif["runs"][0]["results"]}
    assert uris == {"news/new.txt"}

    proc, _ = run_step(step(action, "Annotate")["run"], r, env, {"BASE": base, "PATHS": "."}, tmp)
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("::")]
    assert lines and all("file=news/new.txt," in ln for ln in lines)

    proc, _ = run_step(step(action, "Fail on findings")["run"], r, env, {"STATUS": "1"}, tmp)
    assert proc.returncode == 1 and "::error title=numcheck::" in proc.stdout


def test_action_new_branch_checks_everything(action, repo):
    r, env, _, tmp = repo
    proc, out = run_step(step(action, "Find the base")["run"], r, env,
                         {"EVENT": "push", "BEFORE": "0" * 40, "PR_BASE": "", "CHANGED_ONLY": "true"}, tmp)
    assert proc.returncode == 0 and out == {"base": ""}
    proc, out = run_step(step(action, "Run numcheck")["run"], r, env,
                         {"BASE": "", "FAIL_ON": "error", "SARIF": "all.sarif", "PATHS": "news",
                          "EXTRA": "--date 2023-12-27"}, tmp)
    sarif = json.loads((r / "all.sarif").read_text(encoding="utf-8"))
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for res in sarif["runs"][0]["results"]}
    assert uris == {"news/new.txt", "news/old.txt"}


def test_action_base_for_pull_requests_and_missing_commits(action, repo):
    r, env, base, tmp = repo
    script = step(action, "Find the base")["run"]
    proc, out = run_step(script, r, env, {"EVENT": "pull_request", "PR_BASE": base, "BEFORE": "",
                                          "CHANGED_ONLY": "true"}, tmp)
    assert proc.returncode == 0 and out == {"base": base}
    proc, out = run_step(script, r, env, {"EVENT": "pull_request", "PR_BASE": base, "BEFORE": "",
                                          "CHANGED_ONLY": "false"}, tmp)
    assert proc.returncode == 0 and out == {"base": ""}
    # a base that is not here and cannot be fetched (no remote): check everything, do not fail
    proc, out = run_step(script, r, env, {"EVENT": "push", "PR_BASE": "", "BEFORE": "1" * 40,
                                          "CHANGED_ONLY": "true"}, tmp)
    assert proc.returncode == 0, proc.stderr
    assert out == {"base": ""}


def test_example_workflow_uses_the_action():
    wf = yaml.safe_load((ROOT / "docs" / "examples" / "numcheck.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["numcheck"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    assert steps[1]["uses"].split("@")[0].endswith("/numcheck")
    assert wf["permissions"]["security-events"] == "write"
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(steps[1]["with"]) <= set(action["inputs"])
