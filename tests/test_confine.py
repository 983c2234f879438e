"""What a worker's policy grants (grader._confine.build_policy), for an installed kit and a checkout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from grader._confine import Policy, build_policy


def _policy(tmp_path: Path, kit_root: Path, package: Path) -> Policy:
    scratch, learner = tmp_path / "scratch", tmp_path / "roster" / "alice"
    scratch.mkdir()
    learner.mkdir(parents=True)
    return build_policy(scratch=str(scratch), learner_dir=str(learner), kit_root=str(kit_root),
                        package_dir=str(package), supervisor=1, max_processes=4)


def test_an_installed_kit_keeps_site_packages_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site-packages"
    package = site / "grader"
    (package / "_kit" / "solutions").mkdir(parents=True)
    (package / "suites" / "exercise1").mkdir(parents=True)
    (package / "suites" / "exercise1" / "test_exercise1.py").write_text("")
    (site / "numpy" / "random").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(site)])
    policy = _policy(tmp_path, package / "_kit", package)
    assert str(site.resolve()) in policy.readable, "NumPy's lazy imports read site-packages, which holds the installed kit"
    assert str((package / "_kit").resolve()) in policy.protected, "the installed references stay protected"
    assert str((package / "suites" / "exercise1" / "test_exercise1.py").resolve()) in policy.protected


def test_a_checkout_root_on_sys_path_is_never_granted_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checkout = tmp_path / "kit"
    package = checkout / "grader"
    package.mkdir(parents=True)
    (checkout / "solutions").mkdir()
    monkeypatch.setattr(sys, "path", [str(checkout)])
    policy = _policy(tmp_path, checkout, package)
    assert str(checkout.resolve()) not in policy.readable, "a roster or results kept in the checkout would be readable"
    assert str(package.resolve()) in policy.readable
    assert str((checkout / "solutions").resolve()) in policy.protected


def test_every_copy_of_the_kit_on_sys_path_stays_protected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout graded through an editable install, with another copy of the package in site-packages
    (an older build's ``grader/_kit``, a second install): that copy's references and tests are secret too."""
    checkout, site = tmp_path / "kit", tmp_path / "site-packages"
    package, other = checkout / "grader", site / "grader"
    package.mkdir(parents=True)
    (checkout / "solutions").mkdir()
    (other / "_kit" / "solutions").mkdir(parents=True)
    (other / "suites" / "exercise2").mkdir(parents=True)
    (other / "suites" / "exercise2" / "test_exercise2.py").write_text("")
    monkeypatch.setattr(sys, "path", [str(site), str(checkout)])
    policy = _policy(tmp_path, checkout, package)
    assert str(site.resolve()) in policy.readable, "site-packages stays readable, around the secrets in it"
    for secret in (checkout / "solutions", other / "_kit", other / "suites" / "exercise2" / "test_exercise2.py"):
        assert str(secret.resolve()) in policy.protected, f"{secret} is readable to learner code"
