"""Korean for exercise 1's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

CATALOG: dict[str, str] = {
    # what was compared
    "MyLinear({a}, {b}) on an input of shape {shape}": "입력 모양이 {shape}일 때 MyLinear({a}, {b})의 출력",
    "MyLinear({a}, {b}, bias=False)(x)": "MyLinear({a}, {b}, bias=False)(x)",
    "MyLinear({a}, {b}).to(torch.float64)(x)": "MyLinear({a}, {b}).to(torch.float64)(x)",
    "after `.to(torch.float64)`, MyLinear({a}, {b})": "`.to(torch.float64)` 이후의 MyLinear({a}, {b})",
    "Standardize(mean, std)(x)": "Standardize(mean, std)(x)",
    "MLP({a}, {b}, {c})(x) for x of shape {shape}": "모양이 {shape}인 x에 대한 MLP({a}, {b}, {c})(x)",
    "the gradient of `{name:c}`": "`{name}`의 기울기(gradient)",
    "the names in `named_parameters()`": "`named_parameters()`의 이름들",
    "with bias=False, the names in `named_parameters()`": "bias=False일 때 `named_parameters()`의 이름들",
    "the keys of `state_dict()`": "`state_dict()`의 키",
    "the keys of Standardize's `state_dict()`": "Standardize의 `state_dict()` 키",
    "the keys of MLP's `state_dict()`": "MLP의 `state_dict()` 키",
    "Standardize's `named_parameters()`": "Standardize의 `named_parameters()`",
    "the dtype of `{name:c}` after `.to(torch.float64)`": "`.to(torch.float64)` 이후 `{name}`의 dtype",
    "the device of `{name:c}` after `.to('{device}')`": "`.to('{device}')` 이후 `{name}`의 장치(device)",
    "the class of MLP's child `{name:c}`": "MLP의 자식 모듈 `{name}`의 클래스",
    "the type of count_parameters({case:t})": "count_parameters({case})의 반환 타입",
    "count_parameters on {case:t}": "{case}에 대한 count_parameters",
    "a two-layer nn.Sequential": "2층 nn.Sequential",
    "a model whose first layer is frozen": "첫 층이 고정(frozen)된 모델",
    "a model whose first layer is frozen, with trainable_only=False": "첫 층이 고정된 모델, trainable_only=False",
    "a model with BatchNorm buffers": "BatchNorm 버퍼가 있는 모델",
    "a model with BatchNorm buffers, with trainable_only=False": "BatchNorm 버퍼가 있는 모델, trainable_only=False",
    "a model with a shared weight": "가중치를 공유하는 모델",
    "a model with a shared weight, with trainable_only=False": "가중치를 공유하는 모델, trainable_only=False",
    # whole messages
    "`{owner:c}` has no attribute `{name:c}`: assign it in __init__ as `self.{attr:c} = nn.Parameter(...)`":
        "`{owner}`에 `{name}` 속성이 없습니다: __init__에서 `self.{attr} = nn.Parameter(...)`로 할당하세요",
    "`{name:c}` is a plain Tensor, so `parameters()` misses it: wrap it in `nn.Parameter`":
        "`{name}`: 일반 텐서라서 `parameters()`에 나오지 않습니다: `nn.Parameter`로 감싸세요",
    "`{name:c}` is None; expected an nn.Parameter of shape {shape}": "`{name}`: None입니다. 모양이 {shape}인 nn.Parameter여야 합니다",
    "`{name:c}` is a {kind}, expected an nn.Parameter of shape {shape}": "`{name}`: {kind}입니다. 모양이 {shape}인 nn.Parameter여야 합니다",
    "`{name:c}` has shape {got}, expected {want}": "`{name}`: 모양이 {got}입니다. 기댓값은 {want}입니다",
    "`{name:c}` has dtype {got}, expected torch.float32": "`{name}`: dtype이 {got}입니다. torch.float32여야 합니다",
    "`{name:c}` has requires_grad=False, so it will never be trained": "`{name}`: requires_grad=False라서 학습되지 않습니다",
    "`MyLinear` must subclass `nn.Module` (class MyLinear(nn.Module): ...)":
        "`MyLinear`는 `nn.Module`을 상속해야 합니다 (class MyLinear(nn.Module): ...)",
    "`MyLinear({a}, {b})` has no bias tensor: the default must be bias=True":
        "`MyLinear({a}, {b})`에 bias 텐서가 없습니다: 기본값은 bias=True여야 합니다",
    "with bias=False the layer has no `bias` attribute: use `self.register_parameter('bias', None)`":
        "bias=False일 때 층에 `bias` 속성이 없습니다: `self.register_parameter('bias', None)`을 쓰세요",
    "with bias=False, `bias` should be None, got a {kind} of shape {shape}":
        "bias=False일 때 `bias`는 None이어야 하는데, 모양이 {shape}인 {kind}입니다",
    "MyLinear has child module(s) {children}: hold the weight and bias yourself and compute x @ weight.T + bias":
        "MyLinear에 자식 모듈 {children}이(가) 있습니다: weight와 bias를 직접 가지고 x @ weight.T + bias를 계산하세요",
    "`{name:c}` is all zeros: initialise it uniformly in [{low}, {high}]":
        "`{name}`: 모두 0입니다: [{low}, {high}] 구간의 균등분포로 초기화하세요",
    "`{name:c}` has values up to {largest} in absolute value, but with in_features={n} they must lie in "
    "[{low}, {high}] (1/sqrt(in_features))":
        "`{name}`: 절댓값이 {largest}까지 커지지만, in_features={n}일 때 값은 [{low}, {high}] 안에 있어야 합니다 "
        "(1/sqrt(in_features))",
    "`{name:c}` only reaches ±{largest}, but should fill [{low}, {high}] uniformly (with in_features={n})":
        "`{name}`: ±{largest}까지만 닿습니다. [{low}, {high}] 전체를 균등하게 채워야 합니다 (in_features={n})",
    "`{name:c}` does not look uniform on [{low}, {high}]: mean {mean} and std {std}, expected about 0 and {expected}":
        "`{name}`: [{low}, {high}]의 균등분포로 보이지 않습니다: 평균 {mean}, 표준편차 {std} (기댓값은 약 0과 {expected})",
    "two MyLinear layers got identical weights: draw them at random (e.g. `torch.empty(...).uniform_(-b, b)`)":
        "두 MyLinear 층의 가중치가 같습니다: 무작위로 뽑으세요 (예: `torch.empty(...).uniform_(-b, b)`)",
    "the output does not require grad: do not detach, use .data or build new tensors in forward":
        "출력이 grad를 요구하지 않습니다(requires_grad=False): forward에서 detach, .data, 새 텐서 만들기를 하지 마세요",
    "the output has the wrong shape, so gradients could not be checked": "출력 모양이 틀려서 기울기를 확인할 수 없었습니다",
    "`{name:c}` received no gradient: use `self.weight` and `self.bias` themselves in forward":
        "`{name}`에 기울기가 전달되지 않았습니다: forward에서 `self.weight`와 `self.bias` 자체를 쓰세요",
    "Standardize has no attribute `{name:c}`: use `self.register_buffer('{buffer}', ...)`":
        "Standardize에 `{name}` 속성이 없습니다: `self.register_buffer('{buffer}', ...)`를 쓰세요",
    "`{name:c}` is an nn.Parameter, so `parameters()` returns it to optimizers and counts: register it as a buffer":
        "`{name}`: nn.Parameter라서 `parameters()`가 옵티마이저와 개수 세기에 내놓습니다: 버퍼로 등록하세요",
    "`{name:c}` is not a registered buffer, so `state_dict()` and `.to()` miss it: use `self.register_buffer('{buffer}', ...)`":
        "`{name}`: 등록된 버퍼가 아니라서 `state_dict()`와 `.to()`가 놓칩니다: `self.register_buffer('{buffer}', ...)`를 쓰세요",
    "forward changed its input x in place: compute (x - self.mean) / self.std into a new tensor":
        "forward가 입력 x를 제자리(in-place)에서 바꿨습니다: (x - self.mean) / self.std를 새 텐서로 계산하세요",
    "MLP has extra child module(s) with parameters or buffers: {names}; use exactly norm, fc1 and fc2":
        "MLP에 매개변수나 버퍼를 가진 자식 모듈이 더 있습니다: {names}. 정확히 norm, fc1, fc2만 쓰세요",
    "MLP has no child module `{name:c}`": "MLP에 자식 모듈 `{name}`이(가) 없습니다",
    # hints
    "register exactly two parameters, named `weight` and `bias`": "`weight`와 `bias`라는 이름의 매개변수 두 개만 등록하세요",
    "keep no extra tensors or buffers on the layer": "층에 다른 텐서나 버퍼를 두지 마세요",
    "forward must accept any number of batch dims: x @ self.weight.T + self.bias":
        "forward는 배치 차원이 몇 개든 받아야 합니다: x @ self.weight.T + self.bias",
    "compute x @ self.weight.T + self.bias": "x @ self.weight.T + self.bias를 계산하세요",
    "`.to()` converts only registered parameters and buffers: keep weight and bias as nn.Parameter and compute "
    "with them in forward, not with tensors derived from them in __init__":
        "`.to()`는 등록된 매개변수와 버퍼만 변환합니다: weight와 bias를 nn.Parameter로 두고, __init__에서 만든 "
        "파생 텐서가 아니라 이들로 forward에서 계산하세요",
    "without a bias, return x @ self.weight.T": "bias가 없으면 x @ self.weight.T를 반환하세요",
    "register them with `register_buffer(name, tensor)` (persistent, the default) so `state_dict()` saves them":
        "`register_buffer(name, tensor)`로 등록하세요 (기본값인 persistent). 그래야 `state_dict()`에 저장됩니다",
    "mean and std must not be trainable": "mean과 std는 학습되면 안 됩니다",
    "register it as a buffer so that `.to()` converts it": "`.to()`가 변환하도록 버퍼로 등록하세요",
    "compute (x - self.mean) / self.std": "(x - self.mean) / self.std를 계산하세요",
    "assign self.norm = Standardize(...), self.fc1 = MyLinear(...), self.fc2 = MyLinear(...)":
        "self.norm = Standardize(...), self.fc1 = MyLinear(...), self.fc2 = MyLinear(...)로 할당하세요",
    "apply norm, then fc1, then relu, then fc2": "norm, fc1, relu, fc2 순서로 적용하세요",
    "return a Python int, e.g. sum(p.numel() for p in ...)": "Python int를 반환하세요. 예: sum(p.numel() for p in ...)",
    "count scalar values: sum p.numel() over the parameters, not the number of tensors":
        "텐서 개수가 아니라 스칼라 값의 개수를 세세요: 매개변수마다 p.numel()을 더하세요",
    "count only parameters with requires_grad when trainable_only is True, all of them otherwise":
        "trainable_only가 True이면 requires_grad인 매개변수만, 아니면 전부 세세요",
    "buffers (running statistics) are not parameters: count model.parameters() only":
        "버퍼(running statistics)는 매개변수가 아닙니다: model.parameters()만 세세요",
    "iterate over model.parameters(), which yields a shared parameter once":
        "model.parameters()를 순회하세요. 공유된 매개변수는 한 번만 나옵니다",
    "{owner:w} has no tensor attribute `weight`": "{owner}에 `weight` 텐서 속성이 없습니다",
}
