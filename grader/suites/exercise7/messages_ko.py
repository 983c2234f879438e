"""Korean for exercise 7's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

# How the probes write each call (grader.suites.exercise7.probes.call_text).
_CALLS = (
    "Sigmoid.apply(x)",
    "Linear.apply(x, weight, bias)",
    "Linear.apply(x, weight, None)",
    "Linear.apply(x, weight)",
    "StraightThroughRound.apply(x)",
    "ClampedExp.apply(x)",
    "ClampedExp.apply(x, 1.0)",
)
_NEEDS = {
    "only weight and bias require grad": "weight와 bias만 requires_grad일 때",
    "only x requires grad": "x만 requires_grad일 때",
    "only bias requires grad": "bias만 requires_grad일 때",
    "bias=None": "bias=None일 때",
    "bias left out": "bias를 생략했을 때",
}

CATALOG: dict[str, str] = {
    # the formulas (hints)
    "backward returns grad_output * out * (1 - out), with out the output saved in forward":
        "backward는 grad_output * out * (1 - out)을 반환합니다. out은 forward에서 저장한 출력입니다",
    "the gradients are grad_output @ weight for x, grad_output.T @ x for weight and grad_output summed over the batch "
    "for bias":
        "기울기는 x에 대해 grad_output @ weight, weight에 대해 grad_output.T @ x, bias에 대해 배치 방향으로 더한 "
        "grad_output입니다",
    "backward returns grad_output unchanged": "backward는 grad_output을 그대로 반환합니다",
    "the gradient for x is grad_output * out where x < max_value and 0 elsewhere":
        "x에 대한 기울기는 x < max_value인 곳에서 grad_output * out이고, 그 밖에서는 0입니다",
    "it is the derivative itself, not multiplied by grad_output (the chain rule): {formula:t}":
        "grad_output을 곱하지 않은 도함수 자체입니다 (연쇄 법칙): {formula}",
    "the sign is flipped: {formula:t}": "부호가 반대입니다: {formula}",
    # the probes
    "`{name:c}` must subclass torch.autograd.Function (class {cls}(torch.autograd.Function): ...)":
        "`{name}`은(는) torch.autograd.Function을 상속해야 합니다 (class {cls}(torch.autograd.Function): ...)",
    "{call} returned {type:w}, expected a Tensor": "{call}의 반환값이 {type} 타입입니다. 텐서여야 합니다",
    "{call} returned a tensor (dtype {dtype:w}) without autograd history although its input requires grad: forward "
    "must return a floating-point tensor (no .long(), .int() or .detach())":
        "입력이 requires_grad인데 {call}이(가) autograd 기록이 없는 텐서(dtype {dtype})를 반환했습니다: forward는 "
        "부동소수점 텐서를 반환해야 합니다 (.long(), .int(), .detach() 금지)",
    "the output of {call} was not made by `{name:c}`'s backward node":
        "{call}의 출력이 `{name}`의 backward 노드로 만들어지지 않았습니다",
    "`FunctionLinear` must subclass `nn.Module` (class FunctionLinear(nn.Module): ...)":
        "`FunctionLinear`는 `nn.Module`을 상속해야 합니다 (class FunctionLinear(nn.Module): ...)",
    "FunctionLinear has no tensor attribute `{name:c}`": "FunctionLinear에 `{name}` 텐서 속성이 없습니다",
    "`FunctionLinear({i:n}, {o:n})` has no bias tensor: the default must be bias=True":
        "`FunctionLinear({i}, {o})`에 bias 텐서가 없습니다: 기본값은 bias=True여야 합니다",
    "`FunctionLinear({i:n}, {o:n})` has no bias tensor": "`FunctionLinear({i}, {o})`에 bias 텐서가 없습니다",
    "`{name:c}` has shape {got}, expected (out_features, in_features) = {want}":
        "`{name}`: 모양이 {got}입니다. 기댓값은 (out_features, in_features) = {want}입니다",
    "FunctionLinear's forward returned {type:w}, expected a Tensor":
        "FunctionLinear의 forward 반환값이 {type} 타입입니다. 텐서여야 합니다",
    # Sigmoid
    "Sigmoid.apply(x) on a ({dtype:w}) input of shape (3, 4)": "모양이 (3, 4)인 ({dtype}) 입력에 대한 Sigmoid.apply(x)",
    "compute 1 / (1 + exp(-x)), in the input's dtype": "1 / (1 + exp(-x))를 입력의 dtype으로 계산하세요",
    "Sigmoid.apply(x) for x from -1000 to 1000 (float32)": "-1000부터 1000까지의 x에 대한 Sigmoid.apply(x) (float32)",
    "Sigmoid.apply(x) is {value} at x = {x} (float32): exp of a large number overflows to inf (and inf / inf is nan); "
    "compute it from exp(-|x|), which is at most 1":
        "x = {x}에서 Sigmoid.apply(x)가 {value}입니다 (float32): 큰 수의 exp는 inf로 넘치고 (inf / inf는 nan) "
        "있습니다. 1을 넘지 않는 exp(-|x|)로 계산하세요",
    "the gradient of Sigmoid is {value} at x = {x} (float32): compute backward from the saved output, grad_output * "
    "out * (1 - out), which needs no exp":
        "x = {x}에서 Sigmoid의 기울기가 {value}입니다 (float32): backward는 저장한 출력으로 grad_output * out * "
        "(1 - out)을 계산하세요. exp가 필요 없습니다",
    "Sigmoid.apply(x) for x = -1000, -100, -30, -1, 0, 1, 30, 100, 1000 (float32)":
        "x = -1000, -100, -30, -1, 0, 1, 30, 100, 1000에 대한 Sigmoid.apply(x) (float32)",
    "the gradient of Sigmoid for x = -1000, -100, -30, -1, 0, 1, 30, 100, 1000 (float32)":
        "x = -1000, -100, -30, -1, 0, 1, 30, 100, 1000에 대한 Sigmoid의 기울기 (float32)",
    "Sigmoid's forward saved nothing with ctx.save_for_backward: save its output with ctx.save_for_backward(out) and "
    "read it back from ctx.saved_tensors in backward":
        "Sigmoid의 forward가 ctx.save_for_backward로 아무것도 저장하지 않았습니다: 출력을 ctx.save_for_backward(out)로 "
        "저장하고 backward에서 ctx.saved_tensors로 읽으세요",
    "Sigmoid's forward saved its input x instead of its output: save the output (ctx.save_for_backward(out)); "
    "backward then needs no exp: grad_output * out * (1 - out)":
        "Sigmoid의 forward가 출력 대신 입력 x를 저장했습니다: 출력을 저장하세요 (ctx.save_for_backward(out)). 그러면 "
        "backward에 exp가 필요 없습니다: grad_output * out * (1 - out)",
    "Sigmoid's forward saved {count:n} tensor(s), none of them the output it returned: save the very tensor forward "
    "returns":
        "Sigmoid의 forward가 텐서 {count}개를 저장했지만 그중에 반환한 출력은 없습니다: forward가 반환하는 바로 그 텐서를 "
        "저장하세요",
    # Linear
    "bias may be None or left out: add it only when it is not None":
        "bias는 None이거나 생략될 수 있습니다: None이 아닐 때만 더하세요",
    "{call} for x (5, 4) and weight (3, 4) ({dtype:w})": "x (5, 4)와 weight (3, 4)에 대한 {call} ({dtype})",
    "compute x @ weight.T, plus bias when it is not None": "x @ weight.T를 계산하고, bias가 None이 아니면 더하세요",
    "backward returns one gradient (or None) per input of forward: (grad_x, grad_weight, grad_bias)":
        "backward는 forward의 입력마다 기울기(또는 None)를 하나씩 반환합니다: (grad_x, grad_weight, grad_bias)",
    "with {label:t}, Linear's backward returned {count:n} value(s) for the {inputs:n} inputs of {call}: {hint:t}":
        "{label} Linear의 backward가 {call}의 입력 {inputs}개에 대해 값을 {count}개 반환했습니다: {hint}",
    "with {label:t}, Linear's backward returned {kind:w} for `{name:c}`, which requires grad: return its gradient":
        "{label} Linear의 backward가 requires_grad인 `{name}`에 대해 {kind}을(를) 반환했습니다: 그 기울기를 반환하세요",
    "for {call}, Linear's backward returned a {kind:w} for the bias: return None for a bias that is None":
        "{call}에서 Linear의 backward가 bias에 대해 {kind}을(를) 반환했습니다: None인 bias에는 None을 반환하세요",
    "with {label:t}, Linear's backward returned a {kind:w} for `{name:c}`, which does not require grad "
    "(ctx.needs_input_grad[{position:n}] is False): return None there, and skip computing it":
        "{label} Linear의 backward가 requires_grad가 아닌 `{name}`에 대해 {kind}을(를) 반환했습니다 "
        "(ctx.needs_input_grad[{position}]가 False): 그 자리에는 None을 반환하고, 계산도 건너뛰세요",
    "Linear.apply(x, weight, bias) with only `{name:c}` requiring grad":
        "`{name}`만 requires_grad일 때의 Linear.apply(x, weight, bias)",
    "with only `{name:c}` requiring grad, Linear's backward still computed the gradient for `{other:c}` (a matrix "
    "product or sum of `{same:c}`'s size, {shape}), which it does not return: compute each gradient only when "
    "ctx.needs_input_grad asks for it":
        "`{name}`만 requires_grad인데 Linear의 backward가 반환하지도 않는 `{other}`의 기울기(`{same}` 크기 {shape}의 "
        "행렬곱이나 합)를 계산했습니다: 각 기울기는 ctx.needs_input_grad가 요구할 때만 계산하세요",
    # StraightThroughRound
    "StraightThroughRound.apply(x) for x holding -1.5, -0.5, 0.5, 1.5, 2.5 and random values ({dtype:w})":
        "-1.5, -0.5, 0.5, 1.5, 2.5와 무작위 값이 든 x에 대한 StraightThroughRound.apply(x) ({dtype})",
    "halves round to the even neighbour, as torch.round does (0.5 -> 0, 1.5 -> 2, 2.5 -> 2), and the input's dtype is "
    "kept: return torch.round(x)":
        "torch.round처럼 .5는 가까운 짝수로 반올림되고 (0.5 -> 0, 1.5 -> 2, 2.5 -> 2) 입력의 dtype이 유지됩니다: "
        "torch.round(x)를 반환하세요",
    "StraightThroughRound.apply(x) and its backward ({dtype:w})": "StraightThroughRound.apply(x)와 그 backward ({dtype})",
    "StraightThroughRound's backward returned None for x: return grad_output":
        "StraightThroughRound의 backward가 x에 대해 None을 반환했습니다: grad_output을 반환하세요",
    "the straight-through estimator passes grad_output back unchanged":
        "straight-through 추정기는 grad_output을 그대로 돌려보냅니다",
    "the gradient is 0, the true derivative of rounding, which stops all learning: the straight-through estimator "
    "passes grad_output back unchanged":
        "기울기가 반올림의 실제 도함수인 0이라서 학습이 전혀 되지 않습니다: straight-through 추정기는 grad_output을 "
        "그대로 돌려보냅니다",
    "the gradient is 1 everywhere: return grad_output itself, not the identity's derivative (the chain rule multiplies "
    "by grad_output)":
        "기울기가 모든 곳에서 1입니다: 항등 함수의 도함수가 아니라 grad_output 자체를 반환하세요 (연쇄 법칙은 "
        "grad_output을 곱합니다)",
    "the gradient StraightThroughRound passes back for a random grad_output ({dtype:w})":
        "무작위 grad_output에 대해 StraightThroughRound가 돌려보내는 기울기 ({dtype})",
    # ClampedExp
    "max_value defaults to 10.0": "max_value의 기본값은 10.0입니다",
    "{call} on x around and past the clamp ({dtype:w})": "clamp 경계 부근과 그 너머의 x에 대한 {call} ({dtype})",
    "compute torch.exp of x clamped from above at max_value (max_value defaults to 10.0)":
        "x를 위쪽에서 max_value로 clamp한 값의 torch.exp를 계산하세요 (max_value의 기본값은 10.0)",
    "ClampedExp's backward returned None for x, which requires grad: return its gradient first":
        "ClampedExp의 backward가 requires_grad인 x에 대해 None을 반환했습니다: 그 기울기를 첫 번째로 반환하세요",
    "at x == max_value (1.0) the gradient must be 0, as the contract says (grad_output * out where x < max_value, "
    "0 elsewhere); yours is {value:n}: compare with <, not <=":
        "x == max_value (1.0)에서 기울기는 명세대로 0이어야 합니다 (x < max_value인 곳에서 grad_output * out, 그 밖에서 0). "
        "결과는 {value}입니다: <=가 아니라 <로 비교하세요",
    "past max_value (1.0) the gradient must be 0, as the clamp is flat there; yours is {value:n}: multiply by the mask "
    "x < max_value":
        "max_value (1.0)를 넘는 곳에서는 clamp가 평평하므로 기울기가 0이어야 하는데, 결과는 {value}입니다: 마스크 "
        "x < max_value를 곱하세요",
    "the gradient of ClampedExp.apply(x, 1.0) for x around the clamp ({dtype:w})":
        "clamp 경계 부근의 x에 대한 ClampedExp.apply(x, 1.0)의 기울기 ({dtype})",
    "ClampedExp.apply(x, 1.0) and its backward": "ClampedExp.apply(x, 1.0)와 그 backward",
    "backward returns (grad_x, None)": "backward는 (grad_x, None)을 반환합니다",
    "ClampedExp's backward returned {count:n} value(s) for the 2 inputs of forward (x, max_value): return (grad_x, None)":
        "ClampedExp의 backward가 forward의 입력 2개 (x, max_value)에 대해 값을 {count}개 반환했습니다: "
        "(grad_x, None)을 반환하세요",
    "ClampedExp's backward returned {kind:w} for x, which requires grad: return its gradient first":
        "ClampedExp의 backward가 requires_grad인 x에 대해 {kind}을(를) 반환했습니다: 그 기울기를 첫 번째로 반환하세요",
    "ClampedExp's backward returned a {kind:w} for max_value: max_value is a float, not a tensor, and has no gradient: "
    "return None for it":
        "ClampedExp의 backward가 max_value에 대해 {kind}을(를) 반환했습니다: max_value는 텐서가 아니라 float라서 "
        "기울기가 없습니다: None을 반환하세요",
    # every differentiable Function
    "{name:w}'s backward returned a gradient of dtype {got:w} for `{label:c}` of dtype {want:w}: create new tensors "
    "with the inputs' dtype and device (torch.zeros_like(x), not torch.zeros(x.shape))":
        "{name}의 backward가 dtype {want}인 `{label}`에 대해 dtype {got}인 기울기를 반환했습니다: 새 텐서는 입력의 "
        "dtype과 device로 만드세요 (torch.zeros(x.shape)가 아니라 torch.zeros_like(x))",
    "{name:w}'s backward returned None for `{label:c}`, which requires grad: return its gradient":
        "{name}의 backward가 requires_grad인 `{label}`에 대해 None을 반환했습니다: 그 기울기를 반환하세요",
    "the gradient for `{label:c}` of {call} (seed {seed:n}, {dtype:w})":
        "{call}의 `{label}`에 대한 기울기 (seed {seed}, {dtype})",
    "the Jacobian of {call} for `{label:c}` from your backward, against central differences of your forward (float64, "
    "what torch.autograd.gradcheck compares)":
        "작성한 backward로 구한 {call}의 `{label}`에 대한 야코비 행렬과, 작성한 forward의 중앙 차분 비교 (float64, "
        "torch.autograd.gradcheck가 비교하는 것)",
    "so torch.autograd.gradcheck fails: backward must be the derivative of what forward computes; {formula:t}":
        "그래서 torch.autograd.gradcheck가 실패합니다: backward는 forward가 계산하는 것의 도함수여야 합니다. {formula}",
    "with create_graph=True, the gradient for `{label:c}` of {call}": "create_graph=True일 때 {call}의 `{label}`에 대한 기울기",
    "with create_graph=True, the second-order gradient for `{label:c}` through {name:w}'s backward":
        "create_graph=True일 때 {name}의 backward를 거친 `{label}`에 대한 2차 기울기",
    "the gradients your backward returns carry a graph, but not the graph of their derivative "
    "(torch.autograd.gradgradcheck fails): compute them from the saved tensors and grad_output as they are, without "
    ".detach() or .data; or mark backward @once_differentiable if it is not meant to be differentiated twice":
        "backward가 반환하는 기울기에 그래프가 있지만 그 도함수의 그래프가 아닙니다 (torch.autograd.gradgradcheck 실패): "
        ".detach()나 .data 없이 저장한 텐서와 grad_output 그대로 계산하세요. 두 번 미분할 생각이 없다면 backward에 "
        "@once_differentiable을 붙이세요",
    "{call} and its backward ran autograd themselves ({count:n} extra run(s) of the autograd engine: Tensor.backward, "
    "torch.autograd.grad or torch.func): write the derivative by hand, with tensor operations on the saved tensors and "
    "grad_output":
        "{call}과(와) 그 backward가 직접 autograd를 실행했습니다 (autograd 엔진 추가 실행 {count}회: Tensor.backward, "
        "torch.autograd.grad 또는 torch.func): 저장한 텐서와 grad_output에 대한 텐서 연산으로 도함수를 직접 작성하세요",
    "{call} and its backward used forward-mode autograd (torch.func.jvp, jacfwd or torch.autograd.forward_ad): write "
    "the derivative by hand, with tensor operations on the saved tensors and grad_output":
        "{call}과(와) 그 backward가 forward-mode autograd를 썼습니다 (torch.func.jvp, jacfwd 또는 "
        "torch.autograd.forward_ad): 저장한 텐서와 grad_output에 대한 텐서 연산으로 도함수를 직접 작성하세요",
    "the gradient for `{label:c}` that {name:w}'s backward returned carries autograd history although create_graph "
    "was off: do not turn grad mode back on (torch.enable_grad) inside backward":
        "create_graph가 꺼져 있는데 {name}의 backward가 반환한 `{label}`의 기울기에 autograd 기록이 있습니다: backward "
        "안에서 grad 모드를 다시 켜지 마세요 (torch.enable_grad)",
    "after forward, the inputs and output of {call} were changed in place, and your backward gave wrong gradients "
    "instead of autograd's 'modified by an inplace operation' error: keep tensors for backward with "
    "ctx.save_for_backward, not as ctx attributes, so that autograd can check they are unchanged":
        "forward 후 {call}의 입력과 출력을 제자리(in-place)에서 바꿨더니, autograd의 'modified by an inplace operation' "
        "오류 대신 backward가 틀린 기울기를 냈습니다: backward에 쓸 텐서는 ctx 속성이 아니라 ctx.save_for_backward로 "
        "보관하세요. 그래야 autograd가 바뀌지 않았는지 확인할 수 있습니다",
    # FunctionLinear
    "keep exactly two parameters, weight and bias": "매개변수는 weight와 bias 정확히 두 개만 두세요",
    "with bias=False, `FunctionLinear` has no attribute `bias`: register it as None "
    "(self.register_parameter('bias', None))":
        "bias=False일 때 `FunctionLinear`에 `bias` 속성이 없습니다: None으로 등록하세요 "
        "(self.register_parameter('bias', None))",
    "what `bias` is with bias=False": "bias=False일 때의 `bias`",
    "it must be None": "None이어야 합니다",
    "the names in `named_parameters()` with bias=False": "bias=False일 때 `named_parameters()`의 이름들",
    "FunctionLinear(4, 3, bias=False)(x)": "FunctionLinear(4, 3, bias=False)(x)",
    "pass self.bias (None) on to Linear.apply": "self.bias(None)를 그대로 Linear.apply에 넘기세요",
    "FunctionLinear(4, 3, bias=False) on an input of shape (6, 4)": "모양이 (6, 4)인 입력에 대한 FunctionLinear(4, 3, bias=False)",
    "FunctionLinear(4, 3) on an input of shape (6, 4)": "모양이 (6, 4)인 입력에 대한 FunctionLinear(4, 3)",
    "without a bias, compute x @ weight.T": "bias가 없으면 x @ weight.T를 계산하세요",
    "two FunctionLinear layers got identical weights: draw them at random (e.g. `torch.empty(...).uniform_(-b, b)`)":
        "두 FunctionLinear 층의 가중치가 똑같습니다: 무작위로 뽑으세요 (예: `torch.empty(...).uniform_(-b, b)`)",
    "FunctionLinear(4, 3) on an input of shape (6, 4) ({dtype:w})": "모양이 (6, 4)인 입력에 대한 FunctionLinear(4, 3) ({dtype})",
    "return Linear.apply(x, self.weight, self.bias)": "Linear.apply(x, self.weight, self.bias)를 반환하세요",
    "FunctionLinear's output does not require grad: compute it from the parameters with Linear.apply, without "
    "torch.no_grad() or .detach()":
        "FunctionLinear의 출력이 requires_grad가 아닙니다: torch.no_grad()나 .detach() 없이 매개변수로부터 "
        "Linear.apply로 계산하세요",
    "after backward through FunctionLinear(4, 3), {label:w} is None: let the gradient flow through Linear.apply to x "
    "and to the parameters":
        "FunctionLinear(4, 3)를 거친 backward 후 {label}이(가) None입니다: 기울기가 Linear.apply를 거쳐 x와 매개변수까지 "
        "흐르게 하세요",
    "{label:w} after backward through FunctionLinear(4, 3) ({dtype:w})":
        "FunctionLinear(4, 3)를 거친 backward 후의 {label} ({dtype})",
    "the output of {layer} was not computed by your Linear Function: no step of its autograd graph is Linear's "
    "backward (its last step is {top}); return Linear.apply(x, self.weight, self.bias) in forward":
        "{layer}의 출력이 작성한 Linear Function으로 계산되지 않았습니다: autograd 그래프의 어느 단계도 Linear의 "
        "backward가 아닙니다 (마지막 단계는 {top}). forward에서 Linear.apply(x, self.weight, self.bias)를 반환하세요",
    "`FunctionLinear` has no attribute `{name:c}`: assign it in __init__ as `self.{attr:c} = nn.Parameter(...)`":
        "`FunctionLinear`에 `{name}` 속성이 없습니다: __init__에서 `self.{attr} = nn.Parameter(...)`로 대입하세요",
}

# The contexts each probe call is made in: one per call text, so that no catch-all "{call} (...)" hides English.
for _call in _CALLS:
    CATALOG[f"{_call} ({{dtype:w}})"] = f"{_call} ({{dtype}})"
    CATALOG[f"{_call} and its backward ({{dtype:w}})"] = f"{_call}와 그 backward ({{dtype}})"
    CATALOG[f"{_call} and its backward with create_graph=True (float64)"] = (
        f"create_graph=True일 때의 {_call}와 그 backward (float64)")
    CATALOG[f"{_call}, its inputs and output changed in place, then backward"] = (
        f"{_call} 후 입력과 출력을 제자리(in-place)에서 바꾸고 backward")
for _english, _korean in _NEEDS.items():
    CATALOG[_english] = _korean
    for _call in _CALLS[1:4]:
        CATALOG[f"{_call} with {_english}"] = f"{_korean}의 {_call}"
del _call, _english, _korean
