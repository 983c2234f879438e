"""Hints for exercise 7's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

_APPLY = ("Call a custom Function through .apply with the same arguments as forward, without ctx: autograd creates "
          "ctx and records one node for the whole call.",
          "사용자 정의 Function은 ctx 없이 forward와 같은 인자로 .apply를 통해 호출합니다. ctx는 autograd가 만들고, "
          "호출 전체를 노드 하나로 기록합니다.")
_CHAIN = ("backward receives grad_output, the gradient of the loss with respect to the output, and multiplies it by the "
          "local derivative (the chain rule).",
          "backward는 출력에 대한 손실의 기울기 grad_output을 받아 국소 미분에 곱합니다 (연쇄 법칙).")

HINTS: dict[str, H] = {
    "test_sigmoid_forward": H("Sigmoid.apply(x) = 1 / (1 + exp(-x)), 입력의 dtype 그대로", ("Sigmoid", "Sigmoid.forward"), (
        _APPLY,
        ("Compute with the input tensor itself, so the result keeps its dtype and device; never build new float32 "
         "tensors.",
         "입력 텐서로 직접 계산해서 결과가 같은 dtype과 장치를 유지하게 하세요. float32 텐서를 새로 만들지 마세요."),
    )),
    "test_sigmoid_no_overflow": H("Sigmoid는 x = ±1000 (float32)에서 출력과 기울기에 inf나 nan이 없습니다",
                                  ("Sigmoid", "Sigmoid.forward"), (
        ("exp of a large positive number is inf in float32 (already at 89), and inf / inf is nan.",
         "float32에서 큰 양수의 exp는 inf이고 (89부터 이미 그렇습니다), inf / inf는 nan입니다."),
        ("exp(-|x|) is always between 0 and 1: write both halves of the sigmoid (x >= 0 and x < 0) with it and pick "
         "one per element.",
         "exp(-|x|)는 항상 0과 1 사이입니다. 시그모이드의 두 경우(x >= 0, x < 0)를 이것으로 쓰고 원소마다 하나를 고르세요."),
        ("Backward needs no exp at all when it is written with the saved output.",
         "저장한 출력으로 쓰면 backward에는 exp가 전혀 필요 없습니다."),
    )),
    "test_sigmoid_saves_output": H("Sigmoid의 forward는 출력을 ctx.save_for_backward로 저장합니다",
                                   ("Sigmoid", "Sigmoid.forward", "Sigmoid.backward"), (
        ("The derivative of the sigmoid can be written with its own value: s * (1 - s).",
         "시그모이드의 미분은 자기 값으로 쓸 수 있습니다: s * (1 - s)."),
        ("Save the very tensor forward hands back (not the input, not a copy), and read it in backward from "
         "ctx.saved_tensors.",
         "forward가 돌려주는 바로 그 텐서를 저장하고 (입력도, 복사본도 아닙니다) backward에서 ctx.saved_tensors로 읽으세요."),
    )),
    "test_linear_forward": H("Linear.apply(x, weight, bias=None) = x @ weight.T (+ bias)", ("Linear", "Linear.forward"), (
        ("weight has shape (out_features, in_features): multiply x by its transpose to get (N, out_features).",
         "weight의 모양은 (out_features, in_features)입니다. x에 그 전치를 곱해야 (N, out_features)가 됩니다."),
        ("bias may be None, or not passed at all: add it only when it is a tensor.",
         "bias는 None이거나 아예 전달되지 않을 수 있습니다. 텐서일 때만 더하세요."),
    )),
    "test_linear_needs_input_grad": H("Linear의 backward는 bias=None인 입력과 needs_input_grad가 거짓인 입력에 None을 "
                                      "반환합니다", ("Linear", "Linear.backward"), (
        ("backward returns one value per input of forward, in order: x, weight, bias.",
         "backward는 forward의 입력마다 값 하나를 순서대로 반환합니다: x, weight, bias."),
        ("ctx.needs_input_grad is a tuple of bools, one per input; it is False for None and for tensors that do not "
         "require grad. Its length is the number of inputs actually passed.",
         "ctx.needs_input_grad는 입력마다 bool 하나씩인 튜플입니다. None과 requires_grad가 없는 텐서는 False입니다. "
         "길이는 실제로 전달된 입력의 수입니다."),
        ("Start all three gradients as None and fill in only those whose flag is True.",
         "세 기울기를 모두 None으로 시작하고, 플래그가 True인 것만 채우세요."),
    )),
    "test_linear_computes_only_what_it_returns": H("Linear의 backward는 ctx.needs_input_grad가 요구하는 기울기만 "
                                                   "계산합니다", ("Linear", "Linear.backward"), (
        ("Frozen weights or inputs that need no gradient are common: backward should not spend a matrix product on them.",
         "고정된 가중치나 기울기가 필요 없는 입력은 흔합니다. backward가 여기에 행렬 곱을 쓰면 안 됩니다."),
        ("Put each gradient's computation inside its own `if ctx.needs_input_grad[i]:`, not before it.",
         "각 기울기의 계산을 그 앞이 아니라 각자의 `if ctx.needs_input_grad[i]:` 안에 두세요."),
    )),
    "test_round_forward": H("StraightThroughRound.apply(x) = torch.round(x), 입력의 dtype 그대로",
                            ("StraightThroughRound", "StraightThroughRound.forward"), (
        ("torch.round rounds halves to the even neighbour (banker's rounding); floor(x + 0.5) does not.",
         "torch.round는 .5를 짝수 쪽으로 반올림합니다 (은행가 반올림). floor(x + 0.5)는 그렇지 않습니다."),
        ("Keep the result floating-point: no .long() or .int(), or autograd cannot flow through it.",
         "결과는 부동소수점으로 두세요. .long()이나 .int()를 쓰면 autograd가 통과할 수 없습니다."),
    )),
    "test_round_gradient_is_grad_output": H("StraightThroughRound의 기울기는 정확히 grad_output입니다 (straight-through)",
                                            ("StraightThroughRound", "StraightThroughRound.backward"), (
        ("The straight-through estimator pretends forward was the identity when going backward.",
         "직통 추정기는 역전파할 때 forward가 항등 함수였던 것처럼 취급합니다."),
        ("The identity's derivative is 1, and the chain rule multiplies it by grad_output: what comes in goes out "
         "unchanged.",
         "항등 함수의 미분은 1이고, 연쇄 법칙이 여기에 grad_output을 곱합니다: 들어온 값이 그대로 나갑니다."),
    )),
    "test_clamped_exp_forward": H("ClampedExp.apply(x, max_value=10.0) = exp(min(x, max_value))",
                                  ("ClampedExp", "ClampedExp.forward"), (
        ("Clamp x from above at max_value first, then take the exponential; max_value defaults to 10.0.",
         "먼저 x를 위에서 max_value로 자르고 (clamp) 지수를 취하세요. max_value의 기본값은 10.0입니다."),
    )),
    "test_clamped_exp_gradient_past_max_value": H("ClampedExp의 기울기는 x >= max_value에서 0입니다",
                                                  ("ClampedExp", "ClampedExp.backward"), (
        _CHAIN,
        ("Below max_value the derivative of exp is exp itself, that is, the output; from max_value on the output is "
         "constant, so the derivative is 0.",
         "max_value 아래에서 exp의 미분은 exp 자신, 곧 출력입니다. max_value부터는 출력이 상수이므로 미분은 0입니다."),
        ("Keep x (or a mask of x < max_value) for backward and zero the gradient where the mask is false; the contract "
         "uses a strict <.",
         "backward를 위해 x (또는 x < max_value 마스크)를 저장하고 마스크가 거짓인 곳의 기울기를 0으로 만드세요. "
         "계약은 엄격한 <를 씁니다."),
    )),
    "test_clamped_exp_none_for_max_value": H("ClampedExp의 backward는 (x의 기울기, max_value에 대한 None)을 반환합니다",
                                             ("ClampedExp", "ClampedExp.backward"), (
        ("forward has two inputs, x and max_value, so backward returns two values.",
         "forward의 입력이 x와 max_value 두 개이므로 backward는 값 두 개를 반환합니다."),
        ("max_value is a Python float: it has no gradient, and its place holds None.",
         "max_value는 파이썬 float이라 기울기가 없고, 그 자리에는 None이 들어갑니다."),
    )),
    "test_backward_matches_reference": H("backward는 float32와 float64에서 올바른 기울기를 줍니다",
                                         ("Sigmoid.backward", "Linear.backward", "ClampedExp.backward"), (
        _CHAIN,
        ("Write each gradient with the shape of its input: for Linear, grad_output (N, out) against weight "
         "(out, in) gives x's (N, in), and against x gives weight's (out, in).",
         "각 기울기는 입력과 같은 모양으로 쓰세요. Linear에서 grad_output (N, out)과 weight (out, in)로 x의 (N, in)이, "
         "x로 weight의 (out, in)이 나옵니다."),
        ("Make new tensors with the inputs' dtype and device (zeros_like, ones_like), never plain torch.zeros(shape).",
         "새 텐서는 입력의 dtype과 장치로 만드세요 (zeros_like, ones_like). 그냥 torch.zeros(shape)는 쓰지 마세요."),
    )),
    "test_gradcheck": H("backward는 float64에서 forward의 유한 차분과 일치합니다 (torch.autograd.gradcheck)",
                        ("Sigmoid", "Linear", "ClampedExp"), (
        ("gradcheck nudges each input entry by 1e-6 and compares the change of forward's output with what your "
         "backward says; try torch.autograd.gradcheck yourself in float64.",
         "gradcheck는 입력의 각 값을 1e-6만큼 움직여 forward 출력의 변화를 backward가 말하는 값과 비교합니다. "
         "float64로 torch.autograd.gradcheck를 직접 실행해 보세요."),
        ("A backward that disagrees with its own forward has a wrong formula or a missing factor of grad_output.",
         "자기 forward와 맞지 않는 backward는 식이 틀렸거나 grad_output을 곱하지 않은 것입니다."),
    )),
    "test_gradgradcheck": H("create_graph=True일 때 backward는 그래프를 만들지 않거나 올바른 그래프를 만듭니다 "
                            "(torch.autograd.gradgradcheck)", ("Sigmoid.backward", "Linear.backward", "ClampedExp.backward"), (
        ("With create_graph=True autograd runs your backward with grad mode on, so its operations are recorded.",
         "create_graph=True이면 autograd는 grad 모드를 켠 채 backward를 실행하므로 그 연산이 기록됩니다."),
        ("Compute from the saved tensors and grad_output as they are: .data or .detach() cuts the graph and makes the "
         "second derivative silently wrong.",
         "저장한 텐서와 grad_output을 그대로 써서 계산하세요. .data나 .detach()는 그래프를 끊어 2차 미분을 조용히 "
         "틀리게 만듭니다."),
        ("If a backward is not meant to be differentiated again, mark it @once_differentiable: double backward then "
         "fails loudly.",
         "다시 미분할 backward가 아니라면 @once_differentiable을 붙이세요. 그러면 이중 역전파가 분명한 오류로 실패합니다."),
    )),
    "test_backward_by_hand": H("backward는 직접 작성합니다: autograd를 실행하지 않고, 기울기에 그래프가 없습니다",
                               ("Sigmoid.backward", "Linear.backward", "StraightThroughRound.backward",
                                "ClampedExp.backward"), (
        ("The point of the exercise is the derivative itself: no Tensor.backward, torch.autograd.grad or torch.func "
         "inside forward or backward.",
         "이 과제의 핵심은 미분 그 자체입니다. forward나 backward 안에서 Tensor.backward, torch.autograd.grad, "
         "torch.func를 쓰지 마세요."),
        ("Autograd runs backward with grad mode off; do not turn it back on with torch.enable_grad().",
         "autograd는 grad 모드를 끈 채 backward를 실행합니다. torch.enable_grad()로 다시 켜지 마세요."),
    )),
    "test_tensors_saved_for_backward": H("backward에 필요한 텐서는 ctx.save_for_backward로 저장합니다: forward 뒤의 "
                                         "in-place 변경이 잡힙니다", ("Sigmoid", "Linear", "ClampedExp"), (
        ("A tensor kept as a ctx attribute can be changed in place after forward, and backward then uses the changed "
         "values without any warning.",
         "ctx 속성으로 보관한 텐서는 forward 뒤에 in-place로 바뀔 수 있고, 그러면 backward는 아무 경고 없이 바뀐 값을 "
         "씁니다."),
        ("Tensors passed to ctx.save_for_backward carry a version counter: autograd raises 'modified by an inplace "
         "operation' instead. Keep only non-tensors (such as max_value) as ctx attributes.",
         "ctx.save_for_backward에 넘긴 텐서는 버전 카운터를 가지므로 autograd가 대신 'modified by an inplace "
         "operation' 오류를 냅니다. ctx 속성에는 텐서가 아닌 값(max_value 등)만 두세요."),
    )),
    "test_layer_parameters": H("FunctionLinear는 매개변수 weight (out_features, in_features)와 bias (out_features,)를 "
                               "가집니다", ("FunctionLinear",), (
        ("Exactly as exercise 1's MyLinear: both are nn.Parameter objects assigned to self in __init__.",
         "과제 1의 MyLinear와 똑같습니다: 둘 다 __init__에서 self에 할당한 nn.Parameter입니다."),
    )),
    "test_layer_without_bias": H("FunctionLinear(..., bias=False)는 bias가 None이고 x @ weight.T를 계산합니다",
                                 ("FunctionLinear",), (
        ("Without a bias, register the name bias as None, so that the attribute exists but is no parameter.",
         "bias가 없으면 bias라는 이름을 None으로 등록해서, 속성은 있지만 매개변수는 아니게 하세요."),
        ("Linear.apply accepts None for the bias: pass the attribute on as it is.",
         "Linear.apply는 bias로 None을 받습니다. 속성을 그대로 넘기세요."),
    )),
    "test_layer_init_range": H("weight와 bias는 [-1/sqrt(in_features), 1/sqrt(in_features)]에서 균등하게 초기화됩니다",
                               ("FunctionLinear",), (
        ("The bound depends on in_features only, the same for weight and bias, as in nn.Linear.",
         "경계는 nn.Linear처럼 in_features에만 달려 있고, weight와 bias에 같습니다."),
        ("Fill an empty tensor in place with a uniform draw between minus and plus the bound.",
         "빈 텐서를 마이너스 경계와 플러스 경계 사이의 균등 분포 값으로 제자리에서 채우세요."),
    )),
    "test_layer_init_is_random": H("새 FunctionLinear 층 두 개는 서로 다른 무작위 가중치를 받습니다", ("FunctionLinear",), (
        ("Draw the values at random in __init__; do not seed the generator there or use a constant.",
         "__init__에서 값을 무작위로 뽑으세요. 거기서 시드를 고정하거나 상수를 쓰지 마세요."),
    )),
    "test_layer_forward": H("FunctionLinear는 Linear를 거쳐 x @ weight.T + bias와 그 기울기를 계산합니다",
                            ("FunctionLinear.forward", "Linear"), (
        ("forward hands x and the two parameters to your Linear Function; its backward then gives the parameters "
         "their gradients.",
         "forward는 x와 두 매개변수를 직접 만든 Linear Function에 넘깁니다. 그러면 그 backward가 매개변수에 기울기를 "
         "줍니다."),
    )),
    "test_layer_uses_linear_apply": H("FunctionLinear의 forward는 Linear.apply를 호출합니다", ("FunctionLinear.forward",), (
        ("The output's grad_fn must be the node your Linear Function creates; plain tensor operations make other nodes.",
         "출력의 grad_fn은 직접 만든 Linear Function이 만드는 노드여야 합니다. 일반 텐서 연산은 다른 노드를 만듭니다."),
    )),
}
