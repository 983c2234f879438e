"""Korean for exercise 8's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

_IN_PLACE = ("change the values in place (nn.init functions, or fill_/copy_ under torch.no_grad()) instead of assigning "
             "new tensors")
_IN_PLACE_KO = "새 텐서를 대입하지 말고 값을 제자리에서 바꾸세요 (nn.init 함수들, 또는 torch.no_grad() 안의 fill_/copy_)"
_STATES = "save model.state_dict() and optimizer.state_dict() as they are"
_STATES_KO = "model.state_dict()와 optimizer.state_dict()를 있는 그대로 저장하세요"
_HANDLE_HINT = "keep every handle that register_forward_hook returns and call .remove() on each"
_HANDLE_HINT_KO = "register_forward_hook이 반환하는 핸들을 모두 보관하고 각각 .remove()를 호출하세요"
_WHOLE_SEGMENTS = ("a prefix matches whole name segments, so the name must be the prefix itself or start with the prefix "
                   "and a dot")
_WHOLE_SEGMENTS_KO = "접두어는 이름의 마디 전체로 맞춰야 하므로, 이름은 접두어 자체이거나 접두어와 점으로 시작해야 합니다"

CATALOG: dict[str, str] = {
    # init_weights
    "model.apply(init_weights) on nn.Linear({i:n}, {o:n})": "nn.Linear({i}, {o})에 대한 model.apply(init_weights)",
    "model.apply(init_weights) on two nn.Linear({i:n}, {o:n}) layers":
        "nn.Linear({i}, {o}) 층 두 개에 대한 model.apply(init_weights)",
    "model.apply(init_weights) on a model with nn.Linear({i:n}, {o:n}, bias=False)":
        "nn.Linear({i}, {o}, bias=False)가 있는 모델에 대한 model.apply(init_weights)",
    "model.apply(init_weights) on a model with Embedding, Conv1d, Linear, BatchNorm1d and LayerNorm layers":
        "Embedding, Conv1d, Linear, BatchNorm1d, LayerNorm 층이 있는 모델에 대한 model.apply(init_weights)",
    "handle each module by its type (isinstance) and leave the others alone":
        "각 모듈을 타입으로 (isinstance) 구분해 처리하고 나머지는 그대로 두세요",
    "the weight of nn.Linear({i:n}, {o:n})": "nn.Linear({i}, {o})의 weight",
    "the weight of nn.Linear({i:n}, {o:n}, bias=False)": "nn.Linear({i}, {o}, bias=False)의 weight",
    "init_weights left {what:t} unchanged: draw it Xavier-uniformly in [-a, a] with {rule}":
        "init_weights가 {what}을(를) 바꾸지 않았습니다: {rule}인 [-a, a]에서 Xavier 균등 분포로 뽑으세요",
    "{what:t} has values up to {largest:n} in absolute value, but Xavier-uniform values lie in [-a, a] with {rule}":
        "{what}: 절댓값이 {largest}까지인 값이 있지만, Xavier 균등 분포의 값은 {rule}인 [-a, a] 안에 있습니다",
    "{what:t} only reaches ±{largest:n}, but should fill [-a, a] uniformly with {rule}":
        "{what}: 값이 ±{largest}까지만 닿지만, {rule}인 [-a, a]를 고르게 채워야 합니다",
    "{what:t} does not look uniform on [-a, a] with {rule}: mean {mean:n} and std {std:n}, expected about 0 and "
    "{expected:n}":
        "{what}: {rule}인 [-a, a]에서 균등 분포로 보이지 않습니다. 평균 {mean}, 표준편차 {std}이고, 기댓값은 약 0과 "
        "{expected}입니다",
    "the bias of nn.Linear({i:n}, {o:n}) after init_weights": "init_weights 후 nn.Linear({i}, {o})의 bias",
    "set it to 0": "0으로 두세요",
    "two nn.Linear layers of the same shape got identical weights: draw them from torch's random generator and do not "
    "reseed it inside init_weights":
        "모양이 같은 nn.Linear 층 두 개가 똑같은 weight를 받았습니다: torch의 난수 생성기에서 뽑고, init_weights 안에서 "
        "시드를 다시 정하지 마세요",
    "a Linear built with bias=False has bias None: set the bias only when there is one":
        "bias=False로 만든 Linear의 bias는 None입니다: bias가 있을 때만 정하세요",
    "init_weights gave nn.Linear({i:n}, {o:n}, bias=False) a bias: leave it without one":
        "init_weights가 nn.Linear({i}, {o}, bias=False)에 bias를 주었습니다: bias 없이 두세요",
    "`{name:c}` (an nn.BatchNorm1d's) after init_weights": "init_weights 후 `{name}` (nn.BatchNorm1d의 것)",
    "give an nn.BatchNorm1d weight 1 and bias 0": "nn.BatchNorm1d는 weight를 1, bias를 0으로 두세요",
    "init_weights changed `{name:c}` ({owner:t}): leave every module but nn.Linear and nn.BatchNorm1d as it is (check "
    "the type with isinstance)":
        "init_weights가 `{name}` ({owner})을(를) 바꿨습니다: nn.Linear와 nn.BatchNorm1d 말고는 모든 모듈을 그대로 "
        "두세요 (isinstance로 타입을 확인하세요)",
    "an nn.Embedding": "nn.Embedding의 것",
    "an nn.Conv1d": "nn.Conv1d의 것",
    "an nn.LayerNorm": "nn.LayerNorm의 것",
    "the model's own parameter": "모델 자신의 매개변수",
    _IN_PLACE: _IN_PLACE_KO,
    "after init_weights the model has no parameter `{name:c}` any more: {hint:t}":
        "init_weights 후 모델에 매개변수 `{name}`이(가) 더 이상 없습니다: {hint}",
    "after init_weights, `{name:c}` is a new tensor object, so an optimizer built before no longer trains it: {hint:t}":
        "init_weights 후 `{name}`이(가) 새 텐서 객체라서, 그 전에 만든 옵티마이저는 더 이상 이것을 학습시키지 않습니다: "
        "{hint}",
    "after init_weights, `{name:c}` is not an nn.Parameter: {hint:t}":
        "init_weights 후 `{name}`이(가) nn.Parameter가 아닙니다: {hint}",
    "after init_weights, `{name:c}` has autograd history (grad_fn {fn:w}): fill it under torch.no_grad()":
        "init_weights 후 `{name}`에 autograd 기록이 있습니다 (grad_fn {fn}): torch.no_grad() 안에서 채우세요",
    "after init_weights, `{name:c}` no longer requires grad: keep its flag as it was":
        "init_weights 후 `{name}`이(가) 더 이상 requires_grad가 아닙니다: 플래그를 원래대로 두세요",
    "the dtype of `{name:c}` of a float64 model after init_weights": "init_weights 후 float64 모델의 `{name}`의 dtype",
    "the device of `{name:c}` after init_weights": "init_weights 후 `{name}`의 장치",
    f"{_IN_PLACE}: a tensor built from scratch is float32 on the CPU":
        f"{_IN_PLACE_KO}: 처음부터 만든 텐서는 CPU의 float32입니다",
    f"{_IN_PLACE}: a tensor built from scratch is on the default device (the CPU), not the model's":
        f"{_IN_PLACE_KO}: 처음부터 만든 텐서는 모델의 장치가 아니라 기본 장치(CPU)에 있습니다",
    # ActivationRecorder (the probes)
    "ActivationRecorder has no attribute `activations`: keep `self.activations = {name: [], ...}`":
        "ActivationRecorder에 `activations` 속성이 없습니다: `self.activations = {name: [], ...}`를 두세요",
    # ActivationRecorder (the tests)
    "ActivationRecorder(model, {names}) over {calls:n} calls of the model":
        "모델을 {calls}번 호출하는 동안의 ActivationRecorder(model, {names})",
    "find each name in dict(model.named_modules()) and register a forward hook on that module":
        "각 이름을 dict(model.named_modules())에서 찾아 그 모듈에 forward 훅을 등록하세요",
    "recorder.activations[{name}] does not exist after {calls:n} calls of the model: keep one list per name, filled by "
    "that module's forward hook":
        "모델을 {calls}번 호출한 뒤 recorder.activations[{name}]이(가) 없습니다: 이름마다 리스트를 하나씩 두고, 그 모듈의 "
        "forward 훅이 채우게 하세요",
    "recorder.activations[{name}] is a {type:w}, expected a list with one output per call":
        "recorder.activations[{name}]의 타입이 {type}입니다. 호출마다 출력이 하나씩 든 리스트여야 합니다",
    "recorder.activations[{name}] holds {count:n} records after {calls:n} calls of the model, expected {want:n}: "
    "{hint:t}":
        "모델을 {calls}번 호출한 뒤 recorder.activations[{name}]에 기록이 {count}개 있습니다. 기댓값은 {want}개입니다: "
        "{hint}",
    "append each call's output to the list instead of replacing it": "리스트를 바꿔 끼우지 말고 호출마다 출력을 덧붙이세요",
    "record each call of that module exactly once, in its forward hook":
        "그 모듈의 호출을 forward 훅에서 정확히 한 번씩 기록하세요",
    "recorder.activations[{name}][{index:n}] is a {type:w}, expected the module's output tensor":
        "recorder.activations[{name}][{index}]의 타입이 {type}입니다. 모듈의 출력 텐서여야 합니다",
    "recorder.activations[{name}] is not in call order: append each output, the newest last":
        "recorder.activations[{name}]이(가) 호출 순서가 아닙니다: 출력을 하나씩 덧붙여 가장 최근 것이 마지막에 오게 하세요",
    "recorder.activations[{name}][{index:n}]": "recorder.activations[{name}][{index}]",
    "record the output of the module with that name in model.named_modules()":
        "model.named_modules()에서 그 이름을 가진 모듈의 출력을 기록하세요",
    "recorder.activations[{name}][{index:n}] has autograd history (grad_fn {fn:w}): store output.detach(), so that "
    "records neither keep the graph alive nor take part in backward":
        "recorder.activations[{name}][{index}]에 autograd 기록이 있습니다 (grad_fn {fn}): output.detach()를 저장해서 "
        "기록이 그래프를 붙잡아 두지도, backward에 끼어들지도 않게 하세요",
    "recorder.activations[{name}][{index:n}] changed when {event:t}: the record shares memory with the output; store "
    "a copy (output.detach().clone())":
        "{event} recorder.activations[{name}][{index}]이(가) 바뀌었습니다: 기록이 출력과 메모리를 공유합니다. 복사본을 "
        "저장하세요 (output.detach().clone())",
    "the in-place ReLU after `block.0` ran": "`block.0` 뒤의 in-place ReLU가 실행되자",
    "the model's output was changed in place": "모델의 출력을 제자리에서 바꾸자",
    "ActivationRecorder(model, names) with a name that is not a submodule":
        "하위 모듈이 아닌 이름을 받은 ActivationRecorder(model, names)",
    "what ActivationRecorder(model, {label}) raised": "ActivationRecorder(model, {label})가 일으킨 예외",
    "check every name against dict(model.named_modules()) in __init__ and raise KeyError for one that is not there":
        "__init__에서 모든 이름을 dict(model.named_modules())와 대조하고, 없는 이름에는 KeyError를 일으키세요",
    "{when:t}, `{module:c}` still has {count:n} {kind} hook(s) the recorder added: " + _HANDLE_HINT:
        "{when} `{module}`에 recorder가 추가한 {kind} 훅이 아직 {count}개 남아 있습니다: " + _HANDLE_HINT_KO,
    "{when:t}, `{module:c}` has {count:n} {kind} hook(s) fewer than before: a hook that was not the recorder's was "
    "removed; remove only your own handles":
        "{when} `{module}`의 {kind} 훅이 전보다 {count}개 적습니다: recorder의 것이 아닌 훅이 제거되었습니다. 자신의 "
        "핸들만 제거하세요",
    "{when:t}, calling the model still added records to recorder.activations[{name}]: the hooks were not removed":
        "{when} 모델을 호출하니 recorder.activations[{name}]에 여전히 기록이 추가되었습니다: 훅이 제거되지 않았습니다",
    "after recorder.remove()": "recorder.remove() 후",
    "after the with block": "with 블록이 끝난 뒤",
    "after an exception inside the with block": "with 블록 안에서 예외가 난 뒤",
    "ActivationRecorder(model, {names}), then recorder.remove()": "ActivationRecorder(model, {names}) 후 recorder.remove()",
    "ActivationRecorder(model, {names}), then leaving its with block":
        "ActivationRecorder(model, {names}) 후 그 with 블록에서 나가기",
    "ActivationRecorder(model, {names}), then an exception inside its with block":
        "ActivationRecorder(model, {names}) 후 그 with 블록 안에서 예외",
    "`with ActivationRecorder(...) as rec` did not give the recorder as rec: __enter__ must return self":
        "`with ActivationRecorder(...) as rec`에서 rec이 recorder가 아닙니다: __enter__는 self를 반환해야 합니다",
    "an exception raised inside the with block did not reach the code around it: __exit__ must not return True, which "
    "swallows the exception":
        "with 블록 안에서 일어난 예외가 바깥 코드까지 전달되지 않았습니다: __exit__가 True를 반환하면 예외를 삼키므로 "
        "그러면 안 됩니다",
    "a forward and backward pass with ActivationRecorder(model, {names})":
        "ActivationRecorder(model, {names})를 단 채 forward와 backward 한 번",
    "with a recorder, the forward and backward pass failed ({kind:e}: {reason:a}). {hint:t}":
        "recorder를 달자 forward와 backward가 실패했습니다 ({kind}: {reason}). {hint}",
    "with a recorder, the forward and backward pass failed ({kind:e}). {hint:t}":
        "recorder를 달자 forward와 backward가 실패했습니다 ({kind}). {hint}",
    "a forward hook that returns a value replaces the module's output: return nothing from the hook":
        "값을 반환하는 forward 훅은 모듈의 출력을 그 값으로 바꿉니다: 훅에서는 아무것도 반환하지 마세요",
    "with a recorder, the model's output": "recorder를 달았을 때 모델의 출력",
    "with a recorder, the gradient of `{name:c}`": "recorder를 달았을 때 `{name}`의 기울기",
    "with a recorder, the gradient of the input": "recorder를 달았을 때 입력의 기울기",
    "with a recorder, `{name:c}` received no gradient: {hint:t}": "recorder를 달자 `{name}`이(가) 기울기를 받지 못했습니다: {hint}",
    # clip_gradients_with_hooks
    "clip_gradients_with_hooks(model, {clip:n})": "clip_gradients_with_hooks(model, {clip})",
    "clip_gradients_with_hooks(model, {clip:n}) and one backward pass": "clip_gradients_with_hooks(model, {clip})와 backward 한 번",
    "clip_gradients_with_hooks(model, {clip:n}) and two backward passes without zero_grad":
        "clip_gradients_with_hooks(model, {clip})와 zero_grad 없는 backward 두 번",
    "clip_gradients_with_hooks(model, {clip:n}), then .remove() on every handle and another backward pass":
        "clip_gradients_with_hooks(model, {clip}) 후 모든 핸들에 .remove(), 그리고 backward 한 번 더",
    "clip_gradients_with_hooks(model, {clip:n}) on a model whose first layer is frozen":
        "첫 층이 고정된 모델에 대한 clip_gradients_with_hooks(model, {clip})",
    "{when:t}, `{name:c}.grad` is None: the hook must return the clamped gradient, not None":
        "{when} `{name}.grad`이(가) None입니다: 훅은 None이 아니라 잘린 기울기를 반환해야 합니다",
    "{when:t}, `{name:c}.grad`": "{when} `{name}.grad`",
    "after one backward pass": "backward 한 번 후",
    "after two backward passes without zero_grad": "zero_grad 없이 backward 두 번 후",
    "after .remove() on every handle": "모든 핸들에 .remove()를 호출한 뒤",
    "with the first layer frozen": "첫 층을 고정했을 때",
    "after one backward pass, `{name:c}.grad` is not clamped (largest {largest:n}, clip_value {clip:n}): the hook must "
    "return grad.clamp(-clip_value, clip_value); a hook that returns None leaves the gradient as it was":
        "backward 한 번 후 `{name}.grad`이(가) 잘리지 않았습니다 (최댓값 {largest}, clip_value {clip}): 훅은 "
        "grad.clamp(-clip_value, clip_value)를 반환해야 합니다. None을 반환하는 훅은 기울기를 그대로 둡니다",
    "clamp each element to [-clip_value, clip_value], as torch.clamp does":
        "torch.clamp처럼 각 원소를 [-clip_value, clip_value]로 자르세요",
    "after two backward passes without zero_grad, `{name:c}.grad` is the accumulated gradient clamped once: clamp each "
    "gradient as it is computed, with Tensor.register_hook, whose return value replaces the gradient before it is added "
    "to .grad":
        "zero_grad 없이 backward 두 번 후 `{name}.grad`이(가) 누적된 기울기를 한 번 자른 값입니다: Tensor.register_hook으로 "
        "기울기가 계산될 때마다 자르세요. 그 반환값이 .grad에 더해지기 전의 기울기를 대신합니다",
    "the hook clamps each pass's gradient before autograd adds it to .grad":
        "훅은 autograd가 .grad에 더하기 전에 각 backward의 기울기를 자릅니다",
    "clip_gradients_with_hooks returned {type:w}, expected a list of the handles that register_hook returned":
        "clip_gradients_with_hooks의 반환값이 {type} 타입입니다. register_hook이 반환한 핸들의 리스트여야 합니다",
    "the number of handles for a model with {count:n} trainable parameters": "학습되는 매개변수가 {count}개인 모델의 핸들 수",
    "register one hook per parameter with requires_grad and return every handle":
        "requires_grad인 매개변수마다 훅을 하나씩 등록하고 핸들을 모두 반환하세요",
    "the handles must be those of the clamping hooks": "핸들은 기울기를 자르는 훅의 핸들이어야 합니다",
    "what clip_gradients_with_hooks(model, {label}) raised": "clip_gradients_with_hooks(model, {label})가 일으킨 예외",
    "any positive clip_value is valid": "양수 clip_value는 모두 유효합니다",
    "check clip_value before registering anything and raise ValueError when it is <= 0":
        "무엇이든 등록하기 전에 clip_value를 확인하고, <= 0이면 ValueError를 일으키세요",
    "register hooks only on parameters with requires_grad": "requires_grad인 매개변수에만 훅을 등록하세요",
    "skip the parameters whose requires_grad is False": "requires_grad가 False인 매개변수는 건너뛰세요",
    "requires_grad of each parameter after clip_gradients_with_hooks": "clip_gradients_with_hooks 후 각 매개변수의 requires_grad",
    "leave the flags as they are": "플래그는 그대로 두세요",
    "clamp the trainable parameters' gradients": "학습되는 매개변수의 기울기를 자르세요",
    # freeze
    "freeze(model, prefixes)": "freeze(model, prefixes)",
    "freeze(model, {label})": "freeze(model, {label})",
    "freeze(model, {label}) returned {type:w}, expected a list of parameter names":
        "freeze(model, {label})의 반환값이 {type} 타입입니다. 매개변수 이름의 리스트여야 합니다",
    "freeze(model, {label}) returned {names}, which are not parameters: loop over model.named_parameters(), not "
    "state_dict()":
        "freeze(model, {label})가 매개변수가 아닌 {names}을(를) 반환했습니다: state_dict()가 아니라 "
        "model.named_parameters()를 도세요",
    "freeze(model, {label}) also froze {names}: " + _WHOLE_SEGMENTS:
        "freeze(model, {label})가 {names}까지 고정했습니다: " + _WHOLE_SEGMENTS_KO,
    "freeze(model, {label}) did not return {names}": "freeze(model, {label})가 {names}을(를) 반환하지 않았습니다",
    "after freeze(model, {label}), `{name:c}` still has requires_grad=True: set parameter.requires_grad = False on the "
    "parameter itself (from model.named_parameters())":
        "freeze(model, {label}) 후에도 `{name}`이(가) 여전히 requires_grad=True입니다: (model.named_parameters()에서 얻은) "
        "매개변수 자체에 parameter.requires_grad = False를 정하세요",
    "freeze(model, {label}) returned {names} more than once: list each parameter once, even when several prefixes match "
    "it":
        "freeze(model, {label})가 {names}을(를) 두 번 이상 반환했습니다: 여러 접두어가 맞더라도 매개변수는 한 번씩만 "
        "넣으세요",
    "freeze(model, {label}) returned the names in another order than named_parameters(): loop over the parameters, then "
    "test the prefixes":
        "freeze(model, {label})가 이름을 named_parameters()와 다른 순서로 반환했습니다: 매개변수를 돌면서 접두어를 "
        "확인하세요",
    "after freeze(model, {label}), `{name:c}` has requires_grad={flag:w}, but it was frozen before and matches none of "
    "the prefixes: leave the other parameters' flags as they are":
        "freeze(model, {label}) 후 `{name}`이(가) requires_grad={flag}인데, 이 매개변수는 전에 고정되어 있었고 어느 "
        "접두어에도 맞지 않습니다: 다른 매개변수의 플래그는 그대로 두세요",
    "after freeze(model, {label}), `{name:c}` has requires_grad={flag:w}, but it was trainable and matches none of the "
    "prefixes: leave the other parameters' flags as they are":
        "freeze(model, {label}) 후 `{name}`이(가) requires_grad={flag}인데, 이 매개변수는 학습되고 있었고 어느 접두어에도 "
        "맞지 않습니다: 다른 매개변수의 플래그는 그대로 두세요",
    # checkpoints (the probes)
    "save_checkpoint wrote no file at the path it was given: call torch.save(checkpoint, path)":
        "save_checkpoint가 주어진 경로에 파일을 쓰지 않았습니다: torch.save(checkpoint, path)를 호출하세요",
    "torch.load(path, weights_only=True) cannot read what save_checkpoint wrote ({problem:t}): save only state dicts "
    "and plain values, not the model or optimizer objects":
        "save_checkpoint가 쓴 파일을 torch.load(path, weights_only=True)가 읽을 수 없습니다 ({problem}): 모델이나 "
        "옵티마이저 객체가 아니라 state dict와 일반 값만 저장하세요",
    "it holds a {name:w} object": "{name} 객체가 들어 있습니다",
    # checkpoints (the tests)
    "save_checkpoint(path, model, optimizer, {epoch:n})": "save_checkpoint(path, model, optimizer, {epoch})",
    "the type of the object save_checkpoint saved": "save_checkpoint가 저장한 객체의 타입",
    "save a dict with keys 'model', 'optimizer' and 'epoch'": "키가 'model', 'optimizer', 'epoch'인 dict를 저장하세요",
    "the checkpoint has keys {keys}, so it lacks {missing}: use exactly the keys 'model', 'optimizer' and 'epoch'":
        "체크포인트의 키가 {keys}라서 {missing}이(가) 없습니다: 정확히 'model', 'optimizer', 'epoch' 키를 쓰세요",
    "checkpoint['{key:w}']{path?}": "checkpoint['{key}']{path}",
    f"save model.state_dict(): {_STATES}": f"model.state_dict()를 저장하세요: {_STATES_KO}",
    f"save optimizer.state_dict(): {_STATES}": f"optimizer.state_dict()를 저장하세요: {_STATES_KO}",
    "{what:t} is a {type:w} ({value}), expected the int {want:n}": "{what}: 타입이 {type} ({value})입니다. 기댓값은 int {want}입니다",
    "save the epoch as a Python int": "epoch는 파이썬 int로 저장하세요",
    "return the saved epoch, as an int": "저장된 epoch를 int로 반환하세요",
    "what load_checkpoint returned": "load_checkpoint의 반환값",
    "save_checkpoint after {steps:n} steps, then load_checkpoint into a fresh model and optimizer":
        "{steps}단계 후 save_checkpoint, 그리고 새 모델과 옵티마이저로 load_checkpoint",
    "after load_checkpoint, the model's state_dict(){path?}": "load_checkpoint 후 모델의 state_dict(){path}",
    "after load_checkpoint, optimizer.state_dict(){path?}": "load_checkpoint 후 optimizer.state_dict(){path}",
    "call model.load_state_dict(checkpoint['model'])": "model.load_state_dict(checkpoint['model'])를 호출하세요",
    "call optimizer.load_state_dict(checkpoint['optimizer'])": "optimizer.load_state_dict(checkpoint['optimizer'])를 호출하세요",
    "after load_checkpoint, the optimizer has no state (no momentum buffers): call "
    "optimizer.load_state_dict(checkpoint['optimizer'])":
        "load_checkpoint 후 옵티마이저에 상태가 없습니다 (모멘텀 버퍼가 없습니다): "
        "optimizer.load_state_dict(checkpoint['optimizer'])를 호출하세요",
    "training {steps:n} steps, a checkpoint, a fresh model and optimizer, load_checkpoint and {more:n} more steps":
        "{steps}단계 학습, 체크포인트, 새 모델과 옵티마이저, load_checkpoint, 그리고 {more}단계 더",
    "after resuming from the checkpoint, `{name:c}`": "체크포인트에서 이어 학습한 뒤의 `{name}`",
    "resumed training must continue exactly as if it had never stopped: save and restore both state dicts, momentum "
    "buffers included":
        "이어 한 학습은 멈춘 적이 없는 것처럼 똑같이 계속되어야 합니다: 두 state dict를 모멘텀 버퍼까지 저장하고 "
        "복원하세요",
    "load_checkpoint unpickled an arbitrary object stored in the checkpoint (and so ran its code): read it with "
    "torch.load(path, map_location=..., weights_only=True), which refuses anything but tensors and plain containers":
        "load_checkpoint가 체크포인트에 든 임의의 객체를 unpickle했습니다 (그래서 그 코드를 실행했습니다): 텐서와 일반 "
        "컨테이너 말고는 모두 거부하는 torch.load(path, map_location=..., weights_only=True)로 읽으세요",
    "load_checkpoint accepted a checkpoint that holds an arbitrary object: torch.load(..., weights_only=True) refuses "
    "it, and load_checkpoint must let that error through":
        "load_checkpoint가 임의의 객체가 든 체크포인트를 받아들였습니다: torch.load(..., weights_only=True)는 이를 "
        "거부하며, load_checkpoint는 그 오류를 그대로 내보내야 합니다",
    "load_checkpoint had torch.load restore the tensors to {locations}, but the model's parameters are on {device}: "
    "set map_location to the device of the model's parameters (next(model.parameters()).device), not to a fixed device":
        "load_checkpoint가 torch.load로 텐서를 {locations}에 복원했지만 모델의 매개변수는 {device}에 있습니다: "
        "map_location을 고정된 장치가 아니라 모델 매개변수의 장치 (next(model.parameters()).device)로 정하세요",
    "load_checkpoint failed on a checkpoint saved on {saved}, for a model on {device} ({kind:e}: {reason:a}). Pass "
    "map_location set to the device of the model's parameters to torch.load":
        "{saved}에서 저장한 체크포인트를 {device}에 있는 모델로 읽다가 load_checkpoint가 실패했습니다 ({kind}: {reason}). "
        "torch.load에 모델 매개변수의 장치로 정한 map_location을 넘기세요",
    "load_checkpoint failed on a checkpoint saved on {saved}, for a model on {device} ({kind:e}). Pass "
    "map_location set to the device of the model's parameters to torch.load":
        "{saved}에서 저장한 체크포인트를 {device}에 있는 모델로 읽다가 load_checkpoint가 실패했습니다 ({kind}). "
        "torch.load에 모델 매개변수의 장치로 정한 map_location을 넘기세요",
    "load_checkpoint restored the tensors to {locations}, but the model's parameters are on {device}: set "
    "map_location to the device of the model's parameters":
        "load_checkpoint가 텐서를 {locations}에 복원했지만 모델의 매개변수는 {device}에 있습니다: map_location을 모델 "
        "매개변수의 장치로 정하세요",
}
