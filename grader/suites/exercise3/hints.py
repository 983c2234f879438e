"""Hints for exercise 3's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

HINTS: dict[str, H] = {
    "test_bce_matches_binary_cross_entropy": H("bce_loss는 [1e-6, 1 - 1e-6] 범위의 확률에서 binary_cross_entropy와 "
                                               "같습니다", ("bce_loss",), (
        ("For one sample the loss is minus the log of the probability given to the true class: log(p) when y is 1, "
         "log(1 - p) when y is 0.",
         "샘플 하나의 손실은 정답 클래스에 준 확률의 로그에 마이너스를 붙인 값입니다: y가 1이면 log(p), 0이면 "
         "log(1 - p)입니다."),
        ("Multiplying by y and by 1 - y picks the right term for every sample at once; mind the minus sign in front.",
         "y와 1 - y를 곱하면 샘플마다 알맞은 항이 한꺼번에 골라집니다. 앞에 붙는 마이너스 부호를 잊지 마세요."),
        ("Add no epsilon and clamp nothing: the probabilities stay away from 0 and 1, and any shift changes the "
         "result near the edges.",
         "epsilon을 더하거나 clamp하지 마세요: 확률은 0과 1에서 떨어져 있고, 조금만 바꿔도 경계 근처의 결과가 달라집니다."),
    )),
    "test_bce_is_a_scalar_mean": H("bce_loss는 스칼라 텐서, 즉 샘플에 대한 합이 아닌 평균을 반환합니다", ("bce_loss",), (
        ("Reduce the per-sample losses to a 0-d tensor with a mean, so that the loss does not grow with the number "
         "of samples.",
         "샘플별 손실을 평균으로 줄여 0차원 텐서로 만드세요. 그래야 손실이 샘플 수에 따라 커지지 않습니다."),
    )),
    "test_bce_float64": H("bce_loss는 float64 입력을 float64로 유지합니다", ("bce_loss",), (
        ("Compute with the tensors you were given: creating float32 tensors or calling .float() changes the dtype.",
         "받은 텐서로 그대로 계산하세요: float32 텐서를 새로 만들거나 .float()를 호출하면 dtype이 바뀝니다."),
    )),
    "test_logistic_parameters": H("LogisticRegression은 0으로 초기화된 매개변수 weight (in_features,)와 bias (1,)를 "
                                  "가집니다", ("LogisticRegression",), (
        ("Both are nn.Parameter objects assigned to self, so that parameters() and the optimizer see them.",
         "둘 다 self에 할당한 nn.Parameter여야 parameters()와 옵티마이저가 찾을 수 있습니다."),
        ("The weight is 1-d with one value per input feature and the bias holds a single value; both start at zero, "
         "in float32.",
         "weight는 입력 특성마다 값이 하나인 1차원이고, bias는 값이 하나입니다. 둘 다 float32의 0으로 시작합니다."),
    )),
    "test_logistic_forward": H("forward는 모양이 (N,)인 sigmoid(x @ weight + bias)를 반환합니다",
                               ("LogisticRegression",), (
        ("With a 1-d weight, the matrix product already gives one score per sample, shape (N,), and the bias "
         "broadcasts over it.",
         "weight가 1차원이면 행렬 곱이 이미 샘플마다 점수 하나, 모양 (N,)을 줍니다. bias는 여기에 브로드캐스트됩니다."),
        ("Squash the scores into probabilities with the sigmoid, and keep the shape (N,), not (N, 1).",
         "시그모이드로 점수를 확률로 바꾸고, 모양은 (N, 1)이 아니라 (N,)으로 두세요."),
    )),
    "test_backward_matches_autograd": H("backward는 autograd와 같은 기울기를 저장합니다 (float64)",
                                        ("LogisticRegression",), (
        ("For a sigmoid followed by binary cross-entropy, the gradient with respect to each score z is p - y, divided "
         "by N because the loss is a mean.",
         "시그모이드 뒤에 이진 교차 엔트로피가 오면, 각 점수 z에 대한 기울기는 p - y이고, 손실이 평균이므로 N으로 "
         "나눕니다."),
        ("Chain rule: the weight gradient adds up, over the samples, each sample's features times its score gradient "
         "(a product with x transposed); the bias gradient is the sum of the score gradients.",
         "연쇄 법칙: weight의 기울기는 샘플마다 특성에 점수 기울기를 곱해 모두 더한 것(x의 전치와의 곱)이고, bias의 "
         "기울기는 점수 기울기의 합입니다."),
        ("Divide by N exactly once, keep the sign p - y, and give the bias gradient the bias's shape (1,).",
         "N으로는 정확히 한 번 나누고, 부호는 p - y로 두고, bias 기울기는 bias와 같은 모양 (1,)로 만드세요."),
    )),
    "test_backward_replaces_grad": H("backward는 기존 기울기에 더하지 않고 교체합니다", ("LogisticRegression",), (
        ("Unlike autograd, which accumulates, this backward assigns a new tensor to .grad, whatever it held before.",
         "누적하는 autograd와 달리, 이 backward는 이전 값과 상관없이 .grad에 새 텐서를 대입합니다."),
    )),
    "test_backward_without_autograd": H("backward는 기울기를 직접 계산합니다: autograd 없이, 결과에 그래프 없이, "
                                        "None을 반환합니다", ("LogisticRegression",), (
        ("No loss.backward() and no torch.autograd.grad: the gradients are ordinary tensor arithmetic.",
         "loss.backward()도 torch.autograd.grad도 쓰지 마세요: 기울기는 평범한 텐서 연산으로 구합니다."),
        ("The stored gradients must not require grad: compute them with tracking off (or from detached tensors), in "
         "the parameters' dtype, and return nothing.",
         "저장하는 기울기는 grad를 요구하면 안 됩니다: 추적을 끈 채(또는 detach한 텐서로) 매개변수와 같은 dtype으로 "
         "계산하고, 아무것도 반환하지 마세요."),
    )),
    "test_sgd_is_an_optimizer": H("ManualSGD는 torch.optim.Optimizer를 상속하고 옵션을 param_groups에 둡니다",
                                  ("ManualSGD",), (
        ("torch.optim.Optimizer builds param_groups for you: hand its constructor the parameters and a dict of "
         "default options.",
         "torch.optim.Optimizer가 param_groups를 만들어 줍니다: 그 생성자에 매개변수와 기본 옵션 dict를 넘기세요."),
        ("The defaults dict holds all four options by name: lr, momentum, weight_decay and nesterov.",
         "기본 옵션 dict에는 lr, momentum, weight_decay, nesterov 네 옵션이 모두 이름으로 들어 있어야 합니다."),
    )),
    "test_sgd_matches_torch_sgd": H("ManualSGD는 torch.optim.SGD와 같은 경로로 매개변수를 갱신합니다", ("ManualSGD",), (
        ("For each parameter, in this order: add weight decay to the gradient, update the momentum buffer, choose the "
         "direction (nesterov or not), then move against it, scaled by lr.",
         "매개변수마다 이 순서로: 기울기에 weight decay를 더하고, 모멘텀 버퍼를 갱신하고, 방향을 정한 뒤(nesterov 여부), "
         "lr을 곱해 그 반대 방향으로 이동합니다."),
        ("On the first step there is no buffer yet: it starts as a copy of the (decayed) gradient, not as zeros that "
         "are then updated.",
         "첫 step에는 버퍼가 아직 없습니다: 0에서 시작해 갱신하는 것이 아니라, (weight decay를 더한) 기울기의 복사본으로 "
         "시작합니다."),
        ("Weight decay goes into the gradient before momentum, not straight into the parameter; with nesterov the "
         "direction is the gradient plus momentum times the updated buffer.",
         "weight decay는 매개변수에 직접이 아니라 모멘텀보다 먼저 기울기에 들어갑니다. nesterov일 때 방향은 기울기 + "
         "momentum × 갱신된 버퍼입니다."),
    )),
    "test_sgd_parameter_groups": H("ManualSGD는 매개변수 그룹마다 그 그룹의 옵션을 따릅니다", ("ManualSGD",), (
        ("Each entry of self.param_groups is a dict holding its params and its own options, filled in from the "
         "defaults where the group gave none.",
         "self.param_groups의 각 항목은 params와 그 그룹의 옵션을 담은 dict입니다. 그룹이 지정하지 않은 옵션은 기본값으로 "
         "채워져 있습니다."),
        ("Read lr, momentum, weight_decay and nesterov from the group inside the loop, never from self.defaults or "
         "from values saved in __init__.",
         "lr, momentum, weight_decay, nesterov는 루프 안에서 그룹에서 읽으세요. self.defaults나 __init__에서 저장해 둔 "
         "값에서 읽으면 안 됩니다."),
    )),
    "test_sgd_updates_in_place": H("ManualSGD는 같은 매개변수 텐서를 autograd 기록 없이 제자리에서 갱신합니다",
                                   ("ManualSGD",), (
        ("The optimizer holds references to the model's parameters: rebinding a name or putting a new tensor into "
         "the group leaves the model untouched.",
         "옵티마이저는 모델 매개변수에 대한 참조를 가집니다: 이름에 다시 대입하거나 그룹에 새 텐서를 넣으면 모델은 "
         "그대로입니다."),
        ("Use an in-place operation (a method whose name ends in an underscore, or an augmented assignment) with "
         "autograd tracking off, so that no grad_fn is recorded.",
         "autograd 추적을 끈 채 제자리 연산(이름이 밑줄로 끝나는 메서드나 복합 대입)을 쓰세요. 그래야 grad_fn이 기록되지 "
         "않습니다."),
    )),
    "test_sgd_momentum_buffer": H("모멘텀 버퍼는 state[p]['momentum_buffer']에 있고 첫 기울기로 시작합니다",
                                  ("ManualSGD",), (
        ("self.state is a per-parameter dict that the base class provides: keep the buffer under the key "
         "'momentum_buffer'.",
         "self.state는 기반 클래스가 제공하는 매개변수별 dict입니다: 버퍼를 'momentum_buffer' 키에 두세요."),
        ("Store a copy of the gradient, not the gradient tensor itself: zero_grad() and the next backward would "
         "change a shared tensor.",
         "기울기 텐서 자체가 아니라 복사본을 저장하세요: 공유된 텐서라면 zero_grad()와 다음 backward가 버퍼까지 "
         "바꿉니다."),
    )),
    "test_sgd_skips_missing_gradients": H("ManualSGD는 grad가 None인 매개변수를 건드리지 않습니다", ("ManualSGD",), (
        ("A parameter that took no part in the loss has no gradient: skip it before weight decay, momentum or its "
         "state.",
         "손실 계산에 쓰이지 않은 매개변수에는 기울기가 없습니다: weight decay, 모멘텀, state를 다루기 전에 건너뛰세요."),
    )),
    "test_sgd_closure": H("step(closure)는 closure를 한 번 호출하고 그 손실을 반환합니다. step()은 None을 반환합니다",
                          ("ManualSGD",), (
        ("A closure recomputes the loss and its gradients; step calls it itself, before updating anything.",
         "closure는 손실과 기울기를 다시 계산합니다. step은 무엇이든 갱신하기 전에 closure를 직접 호출합니다."),
        ("If step runs with gradient tracking off, the closure needs it back on (torch.enable_grad()); return what "
         "the closure returned, or None without one.",
         "step이 기울기 추적을 끈 채 실행된다면 closure를 위해 다시 켜야 합니다 (torch.enable_grad()). closure의 반환값을, "
         "closure가 없으면 None을 반환하세요."),
    )),
    "test_sgd_rejects_invalid_options": H("ManualSGD는 잘못된 옵션에 ValueError를 일으키고 올바른 옵션은 받아들입니다",
                                          ("ManualSGD",), (
        ("Check the options in __init__, before calling the base class: a negative lr, momentum or weight_decay is "
         "invalid, and so is nesterov without a positive momentum.",
         "기반 클래스를 호출하기 전에 __init__에서 옵션을 검사하세요: 음수인 lr, momentum, weight_decay는 잘못된 값이고, "
         "양수 momentum 없는 nesterov도 마찬가지입니다."),
        ("lr=0 is allowed (it merely changes nothing): reject values below zero, not zero itself.",
         "lr=0은 허용됩니다 (아무것도 바꾸지 않을 뿐입니다): 0 자체가 아니라 0보다 작은 값을 거부하세요."),
    )),
    "test_train_manual_losses": H("train_manual은 각 에폭의 손실을 그 에폭의 갱신 전에 구해 반환합니다",
                                  ("train_manual",), (
        ("Record each epoch's loss, as a Python float, from the forward pass that starts the epoch, before the "
         "optimizer changes anything.",
         "각 에폭의 손실은 에폭을 시작하는 순전파에서, 옵티마이저가 무엇이든 바꾸기 전에 Python float로 기록하세요."),
        ("Build a single ManualSGD before the loop, with the lr and momentum you were given: a new optimizer each "
         "epoch forgets its momentum buffer.",
         "받은 lr과 momentum으로 루프 전에 ManualSGD를 하나만 만드세요: 에폭마다 새 옵티마이저를 만들면 모멘텀 버퍼를 "
         "잊어버립니다."),
        ("Each epoch: forward on all the samples, bce_loss, the model's own backward, one optimizer step, then clear "
         "the gradients.",
         "에폭마다: 전체 샘플로 순전파, bce_loss, 모델 자신의 backward, 옵티마이저 step 한 번, 그다음 기울기 지우기."),
    )),
    "test_train_manual_updates_model": H("train_manual은 전달받은 모델을 제자리에서 학습합니다", ("train_manual",), (
        ("Train the model passed in (its parameters go to the optimizer), not a copy or a new LogisticRegression.",
         "복사본이나 새 LogisticRegression이 아니라 전달받은 모델을 학습하세요 (그 매개변수를 옵티마이저에 넘기세요)."),
    )),
    "test_train_manual_without_autograd": H("train_manual은 autograd를 호출하지 않습니다", ("train_manual",), (
        ("The gradients come from the model's hand-written backward, not from loss.backward().",
         "기울기는 loss.backward()가 아니라 모델의 손으로 쓴 backward에서 나옵니다."),
        ("With nothing calling autograd, the forward pass and the loss need no graph either: compute them with "
         "tracking off.",
         "autograd를 호출하지 않으니 순전파와 손실에도 그래프가 필요 없습니다: 추적을 끈 채 계산하세요."),
    )),
}
