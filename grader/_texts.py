"""The CLI's own texts in English and Korean: headings, report lines, errors, and every help text.

:data:`TEXTS` maps a key to ``{"en": ..., "ko": ...}`` (``str.format`` fields). :data:`HELP_KO`
maps each English help text of the CLI (a command's docstring, cleaned, or an option's help) to
Korean; the kit's tests check that every one has an entry.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # exercise titles
    "title.exercise1": {"en": "A custom nn.Module with nn.Parameter", "ko": "nn.Parameter로 만드는 사용자 정의 nn.Module"},
    "title.exercise2": {"en": "The autograd training loop and prediction", "ko": "autograd 학습 루프와 예측"},
    "title.exercise3": {"en": "Backward from scratch with an overridden optimizer",
                        "ko": "직접 구현하는 backward와 재정의한 옵티마이저"},
    "title.exercise4": {"en": "A map-style Dataset with lazy transforms", "ko": "지연 변환(lazy transform)을 쓰는 map-style Dataset"},
    "title.exercise5": {"en": "A custom collate_fn for variable-length sequences", "ko": "가변 길이 시퀀스를 위한 사용자 정의 collate_fn"},
    "title.exercise6": {"en": "Samplers and reproducible DataLoaders", "ko": "샘플러와 재현 가능한 DataLoader"},
    "title.exercise7": {"en": "Backward from scratch, the autograd way: custom torch.autograd.Function",
                        "ko": "autograd 방식으로 직접 구현하는 backward: 사용자 정의 torch.autograd.Function"},
    "title.exercise8": {"en": "Inside nn.Module: apply, hooks, freezing and checkpoints",
                        "ko": "nn.Module 들여다보기: apply, 훅, 동결, 체크포인트"},
    # the report of grader check
    "report.file": {"en": "file: {path} · device: {device}", "ko": "파일: {path} · 장치: {device}"},
    "report.skip": {"en": "skip", "ko": "생략"},
    "report.same_reason": {"en": "(the same reason as above)", "ko": "(위와 같은 이유)"},
    "report.score": {"en": "Score: {score}/{max_score}", "ko": "점수: {score}/{max_score}"},
    "report.output": {"en": "Output of your code:", "ko": "코드가 출력한 내용:"},
    "report.all_pass": {"en": "All tests pass. Compare your file with the reference: {path}",
                        "ko": "모든 테스트를 통과했습니다. 참고 답안과 비교해 보세요: {path}"},
    "report.when_done": {"en": "When you are done, compare your file with the reference: {path}",
                         "ko": "다 끝나면 참고 답안과 비교해 보세요: {path}"},
    "report.verbose": {"en": "Run with -v to see tracebacks and what your code printed.",
                       "ko": "-v를 붙이면 트레이스백과 코드가 출력한 내용을 볼 수 있습니다."},
    "report.next_steps": {"en": "Stuck? `grader hint {exercise}` gives a hint; `grader diff {exercise}` compares with the reference.",
                          "ko": "막혔나요? `grader hint {exercise}`로 힌트를, `grader diff {exercise}`로 참고 답안과의 차이를 볼 수 있습니다."},
    "check.not_submitted": {"en": "{exercise}  {title}: not submitted (0/{max_score})",
                            "ko": "{exercise}  {title}: 제출되지 않음 (0/{max_score})"},
    "check.total": {"en": "Total: {score}/{max_score}", "ko": "합계: {score}/{max_score}"},
    # errors and warnings
    "error": {"en": "error: {message}", "ko": "오류: {message}"},
    "error.missing_exercise": {"en": "missing EXERCISE (e.g. grader check exercise3), or --all",
                               "ko": "EXERCISE가 없습니다 (예: grader check exercise3), 또는 --all을 쓰세요"},
    "error.exercise_and_all": {"en": "give either EXERCISE or --all, not both", "ko": "EXERCISE와 --all 중 하나만 주세요"},
    "error.no_file": {"en": "no file at {path}", "ko": "파일이 없습니다: {path}"},
    "warning.state": {"en": "warning: ignoring the progress file ({why}); starting fresh",
                      "ko": "경고: 진행 상황 파일을 무시하고 새로 시작합니다 ({why})"},
    "warning.state_write": {"en": "warning: could not save your progress to {path}: {why}",
                            "ko": "경고: 진행 상황을 {path}에 저장하지 못했습니다: {why}"},
    # grader status
    "status.heading": {"en": "Your progress", "ko": "진행 상황"},
    "status.never": {"en": "not checked yet", "ko": "아직 검사하지 않음"},
    "status.passed": {"en": "done", "ko": "완료"},
    "status.next": {"en": "Next: {exercise}, {title} (grader check {exercise})",
                    "ko": "다음: {exercise}, {title} (grader check {exercise})"},
    "status.all_done": {"en": "Every exercise passes. Well done!", "ko": "모든 과제를 통과했습니다. 수고하셨습니다!"},
    # grader hint
    "hint.checking": {"en": "No check of {exercise} yet: checking it first.", "ko": "{exercise}을(를) 아직 검사하지 않았습니다. 먼저 검사합니다."},
    "hint.all_pass": {"en": "Every test of {exercise} passes at the last check: no hint needed.",
                      "ko": "마지막 검사에서 {exercise}의 모든 테스트를 통과했습니다. 힌트가 필요 없습니다."},
    "hint.heading": {"en": "Hint {level}/{max_level} for {exercise} · {test}", "ko": "{exercise} 힌트 {level}/{max_level} · {test}"},
    "hint.checks": {"en": "The first failing test checks: {name}", "ko": "처음 실패한 테스트가 확인하는 것: {name}"},
    "hint.failed_with": {"en": "It failed with:", "ko": "실패 메시지:"},
    "hint.contract": {"en": "The contract (from the stub's docstrings):", "ko": "과제 명세 (스텁의 docstring):"},
    "hint.no_contract": {"en": "(no docstring found for {names})", "ko": "({names}의 docstring을 찾지 못했습니다)"},
    "hint.targeted": {"en": "Hint:", "ko": "힌트:"},
    "hint.more": {"en": "Run `grader hint {exercise}` again for a more detailed hint.",
                  "ko": "더 자세한 힌트를 보려면 `grader hint {exercise}`를 다시 실행하세요."},
    "hint.last": {"en": "That is the most detailed hint. When you are done, compare with the reference: grader diff {exercise}",
                  "ko": "가장 자세한 힌트입니다. 다 끝나면 참고 답안과 비교해 보세요: grader diff {exercise}"},
    "hint.stale": {"en": "(from the check of {date}; run `grader check {exercise}` after editing)",
                   "ko": "({date} 검사 결과 기준입니다. 파일을 고쳤다면 `grader check {exercise}`를 다시 실행하세요)"},
    # grader diff
    "diff.same": {"en": "Your file and the reference are identical.", "ko": "파일이 참고 답안과 똑같습니다."},
    "diff.yours": {"en": "your file", "ko": "내 파일"},
    "diff.reference": {"en": "reference", "ko": "참고 답안"},
    # grader watch
    "watch.watching": {"en": "Watching {path} for {exercise}: save the file to check it again (Ctrl-C to stop).",
                       "ko": "{exercise}의 {path}를 지켜보는 중입니다. 파일을 저장하면 다시 검사합니다 (멈추려면 Ctrl-C)."},
    "watch.waiting": {"en": "Waiting for {path} to exist...", "ko": "{path} 파일이 생기기를 기다리는 중..."},
    "watch.next": {"en": "{exercise} passes! Moving on to {next}.", "ko": "{exercise} 통과! 다음 과제 {next}(으)로 넘어갑니다."},
    "watch.done": {"en": "Every exercise passes. Well done!", "ko": "모든 과제를 통과했습니다. 수고하셨습니다!"},
    "watch.stopped": {"en": "Stopped watching.", "ko": "지켜보기를 멈췄습니다."},
    # click's own headings
    "click.usage": {"en": "Usage: ", "ko": "사용법: "},
    "click.options": {"en": "Options", "ko": "옵션"},
    "click.commands": {"en": "Commands", "ko": "명령"},
}

HELP_KO: dict[str, str] = {
    # the group
    "Auto-graded PyTorch exercises: check your work with instant, precise feedback.":
        "자동 채점되는 PyTorch 과제: 작성한 코드를 바로, 정확한 피드백으로 확인하세요.",
    "Language of the output: en or ko (default: from LC_ALL, LC_MESSAGES or LANG, else en).":
        "출력 언어: en 또는 ko (기본값: LC_ALL, LC_MESSAGES, LANG에서 정하고, 없으면 en).",
    "Show the version and exit.": "버전을 보여 주고 끝냅니다.",
    "Show this message and exit.": "이 도움말을 보여 주고 끝냅니다.",
    # list
    "List the exercises.": "과제 목록을 보여 줍니다.",
    # check
    "Check your solution to EXERCISE (exercise3, ex3 or 3), or every exercise with --all.\n\n"
    "PATH defaults to exercises/exerciseN.py under the current directory (a .py file or a\n"
    ".ipynb notebook); with --all it is the kit folder (default: the current directory).\n"
    "Exit status: 0 when every test passes, 1 when any fails, 2 on a usage or set-up error.":
        "EXERCISE(exercise3, ex3 또는 3)의 풀이를 검사합니다. --all이면 모든 과제를 검사합니다.\n\n"
        "PATH의 기본값은 현재 폴더의 exercises/exerciseN.py입니다 (.py 파일 또는 .ipynb 노트북).\n"
        "--all일 때 PATH는 키트 폴더입니다 (기본값: 현재 폴더). 종료 코드: 모든 테스트를 통과하면 0,\n"
        "하나라도 실패하면 1, 사용법이나 설정 오류이면 2.",
    "Check every exercise of the kit in the current folder (or PATH).": "현재 폴더(또는 PATH)의 키트에 있는 모든 과제를 검사합니다.",
    "Where the suite runs.": "테스트를 실행할 장치.",
    "The report, the JSON document, or Gradescope's results.json.": "보고서, JSON 문서, 또는 Gradescope의 results.json.",
    "Same as --format json.": "--format json과 같습니다.",
    "Show tracebacks and what your code printed.": "트레이스백과 코드가 출력한 내용을 보여 줍니다.",
    "Seconds allowed for each check (and for importing your file).": "검사 하나(와 파일 import)에 허용되는 초.",
    "Memory allowed to your code.": "코드에 허용되는 메모리.",
    # grade
    "Grade a class: ROSTER holds one folder per learner (the folder name is the learner id).\n\n"
    "Each learner's exerciseN.py (or exercises/exerciseN.py, or .ipynb) is graded against the\n"
    "hidden suites; a rerun with the same --out grades only learners whose files changed.\n"
    "Exit status: 0 when grading completed (whatever the learners scored), 2 on a usage or\n"
    "set-up error, 3 when the grader could not grade some learner, 130 when interrupted.":
        "수업 전체를 채점합니다: ROSTER에는 학습자마다 폴더가 하나씩 있습니다 (폴더 이름이 학습자 id).\n\n"
        "각 학습자의 exerciseN.py(또는 exercises/exerciseN.py, .ipynb)를 숨겨진 테스트로 채점합니다.\n"
        "같은 --out으로 다시 실행하면 파일이 바뀐 학습자만 채점합니다. 종료 코드: 채점을 마치면 0\n"
        "(점수와 무관), 사용법이나 설정 오류이면 2, 채점할 수 없는 학습자가 있으면 3, 중단되면 130.",
    "Where gradebook.csv, learners/, junit.xml, summary.md and gradescope/ go.":
        "gradebook.csv, learners/, junit.xml, summary.md, gradescope/를 쓸 폴더.",
    "Learners graded at once [default: the number of cores].": "동시에 채점할 학습자 수 [기본값: 코어 수].",
    "Only these exercises, e.g. 1,3 or exercise2.": "이 과제만 채점합니다. 예: 1,3 또는 exercise2.",
    "Where the suites run.": "테스트를 실행할 장치.",
    "Grade only the K-th of N equal parts of the roster (for CI matrices).": "명단을 N등분한 것 중 K번째만 채점합니다 (CI 매트릭스용).",
    "Regrade every learner, even those whose results are up to date.": "결과가 최신인 학습자까지 모두 다시 채점합니다.",
    "Seconds allowed for each check of each learner.": "학습자별 검사 하나에 허용되는 초.",
    "Memory allowed to each learner's code.": "학습자 코드마다 허용되는 메모리.",
    "Processes each learner's code may run at once (DataLoader workers count).":
        "학습자 코드마다 한 번에 실행할 수 있는 프로세스 수 (DataLoader 워커도 셉니다).",
    "Processes your code may run at once (DataLoader workers count).":
        "코드가 한 번에 실행할 수 있는 프로세스 수 (DataLoader 워커도 셉니다).",
    # merge
    "Combine the outputs of `grader grade --shard` runs into one, as an unsharded run makes.":
        "`grader grade --shard` 실행 결과들을 나누지 않고 실행한 것처럼 하나로 합칩니다.",
    "The folder to write the merged results to.": "합친 결과를 쓸 폴더.",
    # selftest
    "For course authors: every reference must earn full marks and every stub zero.":
        "과정 작성자용: 모든 참고 답안은 만점, 모든 스텁은 0점이어야 합니다.",
    # notebook
    "Write EXERCISE's stub as a Jupyter notebook, to work in Jupyter or Colab.\n\n"
    "Check it with `grader check EXERCISE exerciseN.ipynb` (its last cell does that). An existing\n"
    "file is never overwritten without --force (exit status 2).":
        "EXERCISE의 스텁을 Jupyter 노트북으로 씁니다 (Jupyter나 Colab에서 작업할 수 있습니다).\n\n"
        "`grader check EXERCISE exerciseN.ipynb`로 검사합니다 (마지막 셀이 그렇게 합니다). 이미 있는\n"
        "파일은 --force 없이는 덮어쓰지 않습니다 (종료 코드 2).",
    "Write a notebook for every exercise (into notebooks/ by default).": "모든 과제의 노트북을 씁니다 (기본값 notebooks/ 폴더).",
    "The notebook to write (default exerciseN.ipynb here), or with --all the folder (default notebooks/).":
        "쓸 노트북 (기본값: 여기의 exerciseN.ipynb), --all일 때는 폴더 (기본값 notebooks/).",
    "Overwrite notebooks that exist already: the work in them is lost.": "이미 있는 노트북을 덮어씁니다: 그 안의 작업은 사라집니다.",
    # diff
    "Show how your file differs from the reference of EXERCISE (a unified diff).\n\n"
    "PATH defaults to exercises/exerciseN.py under the current directory. Colours are used on a\n"
    "terminal; --color or --no-color decides. Exit status: 0 when identical, 1 when they differ.":
        "내 파일이 EXERCISE의 참고 답안과 어떻게 다른지 보여 줍니다 (unified diff).\n\n"
        "PATH의 기본값은 현재 폴더의 exercises/exerciseN.py입니다. 터미널에서는 색을 씁니다.\n"
        "--color나 --no-color로 정할 수 있습니다. 종료 코드: 같으면 0, 다르면 1.",
    "Colour the diff (default: only on a terminal).": "diff에 색을 입힙니다 (기본값: 터미널에서만).",
    # hint
    "A hint for the first failing test of your last check of EXERCISE.\n\n"
    "Each repeat is more detailed: what the test checks and why it failed, then the contract, then\n"
    "targeted hints. The level starts over when the first failing test changes.":
        "EXERCISE를 마지막으로 검사했을 때 처음 실패한 테스트의 힌트를 보여 줍니다.\n\n"
        "다시 실행할수록 자세해집니다: 테스트가 확인하는 것과 실패 이유, 과제 명세, 그다음 구체적인\n"
        "힌트. 처음 실패한 테스트가 바뀌면 처음 단계부터 다시 시작합니다.",
    # status
    "Your progress: every exercise's last score and date, and the next one to do.":
        "진행 상황: 과제마다 마지막 점수와 날짜, 그리고 다음에 할 과제.",
    # watch
    "Check EXERCISE again each time you save its file; move on to the next when it passes.\n\n"
    "Without EXERCISE, starts from the first exercise that does not pass yet. Ctrl-C stops.":
        "파일을 저장할 때마다 EXERCISE를 다시 검사하고, 통과하면 다음 과제로 넘어갑니다.\n\n"
        "EXERCISE가 없으면 아직 통과하지 못한 첫 과제부터 시작합니다. Ctrl-C로 멈춥니다.",
    "Seconds between looks at the file.": "파일을 확인하는 간격(초).",
}
