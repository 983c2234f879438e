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
    "{kind:e}": "{kind}",
    "Call super().__init__() at the start of __init__": "__init__의 맨 앞에서 super().__init__()를 호출하세요",
    "Your code asked for more memory than the grader allows": "코드가 채점기가 허용하는 것보다 많은 메모리를 요청했습니다",
    "Update parameters under torch.no_grad()": "매개변수는 torch.no_grad() 안에서 갱신하세요",
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
