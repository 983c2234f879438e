"""Hatchling build hook: what a wheel of the kit carries besides the ``grader`` package.

A regular wheel carries the learner-facing files inside the package, in ``grader/_kit``, so that an
installed kit can hand out stubs and grade against its references. An editable install carries
none of them: it reads them from the checkout, and a copy in site-packages would only be one more
place where learner code could find the references.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

KIT_FILES = {"exercises": "grader/_kit/exercises", "solutions": "grader/_kit/solutions"}


class KitFilesHook(BuildHookInterface):
    PLUGIN_NAME = "kit-files"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"].update(KIT_FILES)
