"""Korean for the sentences every suite shares: :mod:`grader.expect`, :mod:`grader.probing`, the
sandbox and the test plugin. Patterns are described in :mod:`grader._i18n`; suites add their own
phrases in ``grader/suites/exerciseN/messages_ko.py``. Korean templates avoid particles after
placeholders (은/는, 이/가 depend on the last syllable) by putting the subject before a colon.
"""

from __future__ import annotations

CATALOG: dict[str, str] = {
    # grader.expect
    "{what:t} differs from the expected values in {count} of {total} entries: max abs difference {diff:n}{where?:t} "
    "(got {got}, expected {want})":
        "{what}: 전체 {total}개 값 중 {count}개가 기댓값과 다릅니다. 최대 절대 차이 {diff}{where} (결과 {got}, 기댓값 {want})",
    "at index {index}": ", 위치 {index}",
    "{what:t} differs at position {position}: got {got}, expected {want}":
        "{what}: {position}번 위치가 다릅니다. 결과 {got}, 기댓값 {want}",
    "{what:t} has shape {got}, expected {want}": "{what}: 모양(shape)이 {got}입니다. 기댓값은 {want}입니다",
    "{what:t} has dtype {got}, expected {want}": "{what}: dtype이 {got}입니다. 기댓값은 {want}입니다",
    "{what:t} should be a tensor, got {got:v}": "{what}: 텐서여야 하는데 {got}입니다",
    "{what:t} should be a number, got {got:v}": "{what}: 숫자여야 하는데 {got}입니다",
    "{what:t} is complex; expected real numbers": "{what}: 복소수입니다. 실수여야 합니다",
    "{what:t}: got {got:v}, expected {want:v}": "{what}: 결과 {got}, 기댓값 {want}",
    # the same with a hint: else a value copied as data would carry the English hint along
    "{what:t} should be a tensor, got {got:v}. {hint:t}": "{what}: 텐서여야 하는데 {got}입니다. {hint}",
    "{what:t} should be a number, got {got:v}. {hint:t}": "{what}: 숫자여야 하는데 {got}입니다. {hint}",
    "{what:t}: got {got:v}, expected {want:v}. {hint:t}": "{what}: 결과 {got}, 기댓값 {want}. {hint}",
    "a tensor of shape {shape}": "모양이 {shape}인 텐서",
    "`{code:c}`": "`{code}`",
    "{what:t} raised {error:t}": "{what}: 실행 중 오류가 났습니다. {error}",
    # grader.probing.exception_summary
    "`{function}` is not implemented yet (it raises NotImplementedError, {where:t})":
        "`{function}`: 아직 구현되지 않았습니다 (NotImplementedError를 일으킵니다, {where})",
    "not implemented yet (NotImplementedError)": "아직 구현되지 않았습니다 (NotImplementedError)",
    "line {line:w}": "{line}번째 줄",
    "cell {cell:w}, line {line:w}": "{cell}번째 셀 {line}번째 줄",
    "your code called sys.exit({code}) (in `{function}`, {where:t})":
        "코드가 sys.exit({code})를 호출했습니다 (`{function}`, {where})",
    "your code called sys.exit({code})": "코드가 sys.exit({code})를 호출했습니다",
    "your code raised KeyboardInterrupt (in `{function}`, {where:t})":
        "코드가 KeyboardInterrupt를 일으켰습니다 (`{function}`, {where})",
    "your code raised KeyboardInterrupt": "코드가 KeyboardInterrupt를 일으켰습니다",
    "your file does not define `{name}` (the contract asks for it by that exact name)":
        "파일에 `{name}`이(가) 정의되어 있지 않습니다 (과제 명세는 정확히 이 이름을 요구합니다)",
    "{kind:e}: {message:a} (in `{function}`, {where:t}). {hints:t}": "{kind}: {message} (`{function}`, {where}). {hints}",
    "{kind:e}: {message:a} (in `{function}`, {where:t})": "{kind}: {message} (`{function}`, {where})",
    "{kind:e}: {message:a}. {hints:t}": "{kind}: {message}. {hints}",
    "{kind:e}: {message:a}": "{kind}: {message}",
    "{kind:e} (in `{function}`, {where:t})": "{kind} (`{function}`, {where})",
    "{kind:e}": "{kind}",
    "Call super().__init__() at the start of __init__": "__init__의 맨 앞에서 super().__init__()를 호출하세요",
    "Your code asked for more memory than the grader allows": "코드가 채점기가 허용하는 것보다 많은 메모리를 요청했습니다",
    "Update parameters under torch.no_grad()": "매개변수는 torch.no_grad() 안에서 갱신하세요",
    "Move tensors with the `device` you are given (`.to(device)`), never a hard-coded `.cuda()` or `'cuda'`":
        "텐서는 주어진 `device`로 옮기세요 (`.to(device)`). `.cuda()`나 `'cuda'`를 직접 쓰지 마세요",
    # grader._accelerator: the simulated accelerator's hints
    "The batch was never moved to the device: `inputs.to(device)` returns a new tensor; assign it "
    "(`inputs = inputs.to(device)`)":
        "배치가 장치로 옮겨지지 않았습니다: `inputs.to(device)`는 새 텐서를 돌려줍니다. 결과를 대입하세요 "
        "(`inputs = inputs.to(device)`)",
    "The model was never moved to the device: call `model.to(device)` before training":
        "모델이 장치로 옮겨지지 않았습니다: 학습 전에 `model.to(device)`를 호출하세요",
    "A tensor the grader passed on the CPU was never moved to the device: move it with `x = x.to(device)`":
        "채점기가 CPU에 두고 넘긴 텐서가 장치로 옮겨지지 않았습니다: `x = x.to(device)`로 옮기세요",
    "A tensor moved to the CPU with `.cpu()` is used with tensors on the device: keep it on the device until the "
    "computation is done":
        "`.cpu()`로 CPU에 옮긴 텐서를 장치에 있는 텐서와 함께 썼습니다: 계산이 끝날 때까지 장치에 두세요",
    "A tensor made with `torch.{name:w}(...)` is on the CPU while the inputs are on cuda: create it on the inputs' "
    "device (`device=x.device`)":
        "`torch.{name}(...)`로 만든 텐서는 CPU에 있는데 입력은 cuda에 있습니다: 입력과 같은 장치에 만드세요 "
        "(`device=x.device`)",
    "Keep every tensor of one computation on the same device (`t.to(x.device)`)":
        "한 계산에 쓰이는 텐서는 모두 같은 장치에 두세요 (`t.to(x.device)`)",
    "`.numpy()` needs a CPU tensor: call `.cpu()` first (`t.detach().cpu().numpy()`)":
        "`.numpy()`는 CPU 텐서가 필요합니다: 먼저 `.cpu()`를 호출하세요 (`t.detach().cpu().numpy()`)",
    # grader._sandbox
    "your file could not be imported: {reason:t}": "파일을 import할 수 없습니다: {reason}",
    "timed out after {seconds} s while {activity:t} (an endless loop?)":
        "{activity} 중 {seconds}초 시간 제한을 넘었습니다 (무한 루프인가요?)",
    "used more than {size} GiB of memory while {activity:t}": "{activity} 중 메모리를 {size} GiB 넘게 썼습니다",
    "the process running your code was killed by signal {signal:w} while {activity:t}":
        "{activity} 중 코드를 실행하던 프로세스가 시그널 {signal}로 종료되었습니다",
    "the process running your code exited with code {code} (did your code call os._exit?) while {activity:t}":
        "{activity} 중 코드를 실행하던 프로세스가 종료 코드 {code}로 끝났습니다 (os._exit를 호출했나요?)",
    "the grader could not read the result of {activity:t}: {problem:a}":
        "채점기가 {activity}의 결과를 읽을 수 없었습니다: {problem}",
    "your code ran more than {count} processes at once while {activity:t}":
        "{activity} 중 코드가 프로세스를 한 번에 {count}개 넘게 실행했습니다",
    "the grader received an answer it did not ask for while {activity:t}: something in your code wrote to the grader's pipe":
        "{activity} 중 채점기가 요청하지 않은 응답을 받았습니다: 코드의 무언가가 채점기의 파이프에 썼습니다",
    "the originals were put back for grading of what your file replaced while being imported: {names:a}":
        "파일을 import하는 동안 바뀐 것을 채점을 위해 원래대로 되돌렸습니다: {names}",
    "refused: {refusal:t}": "거부됨: {refusal}",
    "printed {size} of output; the first {kept} were kept": "출력한 양: {size}. 처음 {kept}만 보관했습니다",
    # grader._worker and grader.probing: what learner code changed while a probe ran
    "your code replaced {names:a} while the grader ran `{probe}`, so its result cannot be trusted; "
    "leave torch, Python's builtins and the grader as they are":
        "채점기가 `{probe}` 검사를 실행하는 동안 코드가 다음을 바꿨습니다: {names}. 그래서 결과를 믿을 수 없습니다. "
        "torch, 파이썬 내장 함수, 채점기는 그대로 두세요",
    "your code left a torch function or dispatch mode active, which changes every torch call after it: "
    "the result cannot be trusted":
        "코드가 torch 함수 모드나 디스패치 모드를 켜 둔 채로 끝났습니다. 이후의 모든 torch 호출이 달라지므로 결과를 믿을 수 없습니다",
    "running `{probe}`": "`{probe}` 검사 실행",
    "importing your file": "파일 import",
    "not submitted": "제출되지 않았습니다",
    # grader._submission
    "no file to grade at {path}": "채점할 파일이 없습니다: {path}",
    "{name} is {size} MiB; an exercise file should be far smaller": "{name}: {size} MiB입니다. 과제 파일은 훨씬 작아야 합니다",
    "cannot read {path}: {reason}": "{path}를 읽을 수 없습니다: {reason}",
    "{name} is not a text file (it contains NUL bytes); hand in the .py source":
        "{name}: 텍스트 파일이 아닙니다 (NUL 바이트가 있습니다). .py 소스를 제출하세요",
    "{name} is not UTF-8 text (byte {byte}); save it as UTF-8": "{name}: UTF-8 텍스트가 아닙니다 ({byte}번째 바이트). UTF-8로 저장하세요",
    # grader._plugin
    "internal error in the grader (not your fault): {error:a}": "채점기 내부 오류입니다 (여러분의 잘못이 아닙니다): {error}",
    "internal error in the hidden test (not your fault): {error:a}": "숨겨진 테스트의 내부 오류입니다 (여러분의 잘못이 아닙니다): {error}",
}

REFUSALS: dict[str, str] = {
    "reading {path} is not allowed while grading": "{path}: 채점 중에는 읽을 수 없습니다",
    "changing {path} is not allowed while grading: only the working directory (a scratch folder) is writable":
        "{path}: 채점 중에는 바꿀 수 없습니다. 작업 폴더(임시 폴더)에만 쓸 수 있습니다",
    "running other programs is not allowed while grading": "채점 중에는 다른 프로그램을 실행할 수 없습니다",
    "learner code may run at most {count} processes while grading": "채점 중에 코드는 프로세스를 최대 {count}개까지 실행할 수 있습니다",
    "signalling processes other than your own is not allowed while grading":
        "채점 중에는 자신의 것이 아닌 프로세스에 시그널을 보낼 수 없습니다",
    "network access is not allowed while grading": "채점 중에는 네트워크에 접근할 수 없습니다",
    "tracing hooks (sys.settrace) are not available while grading": "채점 중에는 추적 훅(sys.settrace)을 쓸 수 없습니다",
    "profiling hooks (sys.setprofile) are not available while grading": "채점 중에는 프로파일링 훅(sys.setprofile)을 쓸 수 없습니다",
    "audit hooks are not available while grading": "채점 중에는 감사 훅을 쓸 수 없습니다",
    "{name:w} is not available while grading": "{name}: 채점 중에는 쓸 수 없습니다",
    "replacing the {attribute:w} of {function} is not allowed while grading": "{function}의 {attribute}: 채점 중에는 바꿀 수 없습니다",
}
"""What the sandbox refuses (grader._confine), alone or where learner code tried it."""

CATALOG.update(REFUSALS)
CATALOG.update({f"{english} (in `{{function}}`, {{where:t}})": f"{korean} (`{{function}}`, {{where}})"
                for english, korean in REFUSALS.items() if "{function}" not in english})
