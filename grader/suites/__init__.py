"""Hidden suites, one package per exercise: ``probes.py`` (runs on a submission) and
``test_exerciseN.py`` (compares, in the grader's process)."""
