"""``--changed-since REF``: keep only the articles changed against a git ref.

Changed means what a reviewer would see in the working tree compared with ``REF``:
files added, copied, modified, renamed (under their new name) or changed in type,
committed or not, staged or not, plus untracked files that are not ignored.  Deleted
files are gone and so not checked.  When ``REF`` and ``HEAD`` share history the
comparison starts from their merge base (as ``git diff REF...``): on a branch, files
changed only on ``REF`` since the branch point are not counted as yours.  Without a
merge base (a shallow clone, unrelated history) ``REF`` itself is used.

git runs as a subprocess in the working directory.  Problems (git missing, not a
repository, unknown ref) raise ``RuntimeError`` with a one-line message.
"""
from __future__ import annotations

import os
import subprocess
from typing import Iterable

PREFIX = "--changed-since"


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except FileNotFoundError:
        raise RuntimeError(f"{PREFIX}: git is not installed (or not on PATH)") from None
    except OSError as exc:
        raise RuntimeError(f"{PREFIX}: cannot run git: {exc}") from None


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0].strip() if text else ""


def repository_root(cwd: str | None = None) -> str:
    cwd = cwd or os.getcwd()
    proc = _git(["rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0:
        raise RuntimeError(f"{PREFIX}: {os.path.abspath(cwd)} is not inside a git repository")
    return proc.stdout.decode("utf-8", "surrogateescape").strip()


def resolve_base(ref: str, cwd: str) -> str:
    """The commit to compare against: the merge base of ``ref`` and HEAD, else ``ref``."""
    if not ref or ref.startswith("-"):
        raise RuntimeError(f"{PREFIX}: {ref!r} is not a git ref")
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], cwd)
    if proc.returncode != 0:
        raise RuntimeError(f"{PREFIX}: unknown git ref {ref!r} (is it fetched? shallow clones lack history)")
    commit = proc.stdout.decode().strip()
    base = _git(["merge-base", commit, "HEAD"], cwd)
    if base.returncode == 0 and base.stdout.strip():
        return base.stdout.decode().strip()
    return commit


def changed_paths(ref: str, cwd: str | None = None) -> set[str]:
    """Absolute, resolved paths of the files changed against ``ref`` (see the module doc)."""
    cwd = cwd or os.getcwd()
    root = repository_root(cwd)
    base = resolve_base(ref, cwd)
    diff = _git(["diff", "--name-only", "-z", "--no-ext-diff", "--diff-filter=ACMRT", base, "--"], root)
    if diff.returncode != 0:
        raise RuntimeError(f"{PREFIX}: git diff failed: {_first_line(diff.stderr)}")
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    if untracked.returncode != 0:
        raise RuntimeError(f"{PREFIX}: git ls-files failed: {_first_line(untracked.stderr)}")
    out: set[str] = set()
    for blob in (diff.stdout, untracked.stdout):
        for name in blob.split(b"\0"):
            if name:
                rel = os.fsdecode(name)
                out.add(os.path.realpath(os.path.join(root, rel)))
    return out


def changed_files(paths: Iterable[str], ref: str, cwd: str | None = None) -> list[str]:
    """The articles among ``paths`` (already expanded from folders) changed against ``ref``,
    in their original order.  Standard input (``-``) is always kept."""
    paths = list(paths)
    changed = changed_paths(ref, cwd)
    base = cwd or os.getcwd()
    return [p for p in paths
            if p == "-" or os.path.realpath(os.path.join(base, p)) in changed]
