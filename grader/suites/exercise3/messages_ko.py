"""Korean for exercise 3's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

CATALOG: dict[str, str] = {
    # bce_loss
    "bce_loss(probs, targets)": "bce_loss(probs, targets)",
    "bce_loss on probabilities near 1e-6 and 1 - 1e-6": "1e-6과 1 - 1e-6에 가까운 확률에 대한 bce_loss",
    "bce_loss on float64 inputs": "float64 입력에 대한 bce_loss",
    "the dtype of bce_loss on float64 inputs": "float64 입력에 대한 bce_loss의 dtype",
    "the sign is flipped: the loss is minus the mean log-likelihood":
        "부호가 반대입니다. 손실은 로그 가능도(log-likelihood) 평균에 마이너스를 붙인 값입니다",
    "compute -(y * log(p) + (1 - y) * log(1 - p)).mean() (no extra epsilon: clamping is not needed here)":
        "-(y * log(p) + (1 - y) * log(1 - p)).mean()을 계산하세요 (epsilon을 더하지 마세요: 여기서는 clamp가 필요 없습니다)",
    "bce_loss returned a tensor of shape {shape}: reduce it to a scalar with .mean()":
        "bce_loss가 모양이 {shape}인 텐서를 반환했습니다: .mean()으로 스칼라가 되게 줄이세요",
    "bce_loss for {n:n} samples is {ratio:n} times too large: take the mean over samples, not the sum":
        "샘플 {n}개에 대한 bce_loss가 {ratio}배 큽니다: 샘플에 대해 합이 아니라 평균을 구하세요",
    "do not convert to float32 inside bce_loss": "bce_loss 안에서 float32로 변환하지 마세요",
    "bce_loss returned {type:w}, expected a scalar Tensor": "bce_loss의 반환값이 {type} 타입입니다. 스칼라 텐서여야 합니다",
    # LogisticRegression
    "LogisticRegression must subclass nn.Module": "LogisticRegression은 nn.Module을 상속해야 합니다",
    "LogisticRegression has no attribute `{name:c}`: create `self.{attr:c} = nn.Parameter(...)`":
        "LogisticRegression에 `{name}` 속성이 없습니다: `self.{attr} = nn.Parameter(...)`를 만드세요",
    "`{name:c}` is a {kind:w}, not an nn.Parameter: wrap it in `nn.Parameter` so `parameters()` sees it":
        "`{name}`: nn.Parameter가 아니라 {kind}입니다. `parameters()`가 찾을 수 있도록 `nn.Parameter`로 감싸세요",
    "`{name:c}` starts at non-zero values: initialise it with torch.zeros":
        "`{name}`: 0이 아닌 값으로 시작합니다. torch.zeros로 초기화하세요",
    "LogisticRegression has no tensor attribute `{name:c}`": "LogisticRegression에 `{name}` 텐서 속성이 없습니다",
    "`{name:c}` is a plain Tensor, not an nn.Parameter: wrap it in `nn.Parameter`":
        "`{name}`: nn.Parameter가 아닌 일반 텐서입니다. `nn.Parameter`로 감싸세요",
    "LogisticRegression({features:n})(x) for {n:n} samples": "샘플 {n}개에 대한 LogisticRegression({features})(x)",
    "return one probability per sample, shape (N,), not (N, 1)":
        "샘플마다 확률을 하나씩, (N, 1)이 아니라 모양 (N,)으로 반환하세요",
    "compute torch.sigmoid(x @ self.weight + self.bias)": "torch.sigmoid(x @ self.weight + self.bias)를 계산하세요",
    "forward returned {type:w}, expected a Tensor": "forward의 반환값이 {type} 타입입니다. 텐서여야 합니다",
    "forward must return probabilities of shape {want} for {n:n} samples, got {got}":
        "샘플이 {n}개이면 forward는 모양이 {want}인 확률을 반환해야 하는데, 결과는 {got}입니다",
    # the hand-written backward
    "`{name:c}.grad` for {n:n} samples of {features:n} features": "특성 {features}개짜리 샘플 {n}개에 대한 `{name}.grad`",
    "`{name:c}.grad` when .grad already held values": ".grad에 이미 값이 있을 때의 `{name}.grad`",
    "dL/dz = (p - y) / N, so dL/dw = x.T @ (p - y) / N and dL/db = sum(p - y) / N":
        "dL/dz = (p - y) / N이므로 dL/dw = x.T @ (p - y) / N, dL/db = sum(p - y) / N입니다",
    "it is {factor:n} times the right gradient: {slip:t}": "올바른 기울기의 {factor}배입니다: {slip}",
    "divide by N: the loss is a mean": "손실은 평균이므로 N으로 나누세요",
    "the sign is flipped: use p - y, not y - p": "부호가 반대입니다. y - p가 아니라 p - y를 쓰세요",
    "divide by N once, not twice": "N으로 두 번이 아니라 한 번만 나누세요",
    "after backward, `{name:c}.grad` is None: store the gradient in `self.{attr:c}.grad`":
        "backward 후 `{name}.grad`: None입니다. 기울기를 `self.{attr}.grad`에 저장하세요",
    "`{name:c}.grad` was added to the old gradient: assign `self.{attr:c}.grad = ...` instead of accumulating":
        "`{name}.grad`: 이전 기울기에 더해졌습니다. 누적하지 말고 `self.{attr}.grad = ...`로 대입하세요",
    "the number of autograd calls in backward": "backward 안에서 autograd를 호출한 횟수",
    "compute the gradients with tensor operations, without loss.backward() or torch.autograd.grad":
        "loss.backward()나 torch.autograd.grad 없이 텐서 연산으로 기울기를 계산하세요",
    "`{name:c}.grad` requires grad: compute it under torch.no_grad() or from detached tensors":
        "`{name}.grad`: requires_grad가 켜져 있습니다. torch.no_grad() 안에서, 또는 detach한 텐서로 계산하세요",
    "`{name:c}.grad` has a different dtype than `{other:c}`": "`{name}.grad`: dtype이 `{other}`의 dtype과 다릅니다",
    "the type of what backward returns": "backward가 반환하는 값의 타입",
    "backward stores gradients and returns None": "backward는 기울기를 저장하고 None을 반환합니다",
    # ManualSGD: what was compared
    "ManualSGD({options}): parameter {index:n} after step {step:n}": "ManualSGD({options})에서 {step}번째 step 후 {index}번 매개변수",
    "with three parameter groups: parameter {index:n} after step {step:n}":
        "매개변수 그룹이 세 개일 때 {step}번째 step 후 {index}번 매개변수",
    "the options in optimizer.param_groups[0]": "optimizer.param_groups[0]의 옵션들",
    "state[p]['momentum_buffer'] after step {step:n} (weight_decay={decay:n})":
        "{step}번째 step 후의 state[p]['momentum_buffer'] (weight_decay={decay})",
    "optimizer.state of a parameter that never had a gradient": "기울기를 한 번도 받지 않은 매개변수의 optimizer.state",
    "how often step(closure) called the closure": "step(closure)가 closure를 호출한 횟수",
    "what step(closure) returned": "step(closure)의 반환값",
    "what step() without a closure returned": "closure 없이 호출한 step()의 반환값",
    "the parameter after step(closure) and step()": "step(closure)와 step() 후의 매개변수",
    "what ManualSGD(params, nesterov=True with momentum=0) raised":
        "ManualSGD(params, nesterov=True, momentum=0)가 일으킨 예외",
    "what ManualSGD(params, {options}) raised": "ManualSGD(params, {options})가 일으킨 예외",
    # ManualSGD: the update rule (the hints joined with "; ")
    "weight decay adds weight_decay * p to the gradient before momentum":
        "weight decay는 모멘텀보다 먼저 기울기에 weight_decay * p를 더합니다",
    "weight decay adds weight_decay * p to the gradient before momentum; {rest:t}":
        "weight decay는 모멘텀보다 먼저 기울기에 weight_decay * p를 더합니다. {rest}",
    "on the first step the momentum buffer is the gradient itself (a copy), not zeros":
        "첫 step에서 모멘텀 버퍼는 0이 아니라 기울기 자체(의 복사본)입니다",
    "on the first step the momentum buffer is the gradient itself (a copy), not zeros; {rest:t}":
        "첫 step에서 모멘텀 버퍼는 0이 아니라 기울기 자체(의 복사본)입니다. {rest}",
    "afterwards buf = momentum * buf + grad, and the step direction is buf":
        "그다음부터는 buf = momentum * buf + grad이고, step 방향은 buf입니다",
    "afterwards buf = momentum * buf + grad, and the step direction is buf; {rest:t}":
        "그다음부터는 buf = momentum * buf + grad이고, step 방향은 buf입니다. {rest}",
    "with nesterov the direction is grad + momentum * buf": "nesterov일 때 방향은 grad + momentum * buf입니다",
    "plain SGD updates p -= lr * grad": "기본 SGD는 p -= lr * grad로 갱신합니다",
    "keep buf = momentum * buf + grad in state[p]['momentum_buffer'] and step along buf":
        "buf = momentum * buf + grad를 state[p]['momentum_buffer']에 두고 buf 방향으로 step하세요",
    "your step behaves as if {option:w} were off: {rule:t}": "step이 {option} 옵션을 끈 것처럼 동작합니다: {rule}",
    # ManualSGD: whole messages and hints
    "ManualSGD must subclass torch.optim.Optimizer": "ManualSGD는 torch.optim.Optimizer를 상속해야 합니다",
    "pass dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov) as defaults to super().__init__":
        "dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)를 defaults로 super().__init__에 "
        "넘기세요",
    "read lr, momentum, weight_decay and nesterov from each `group`, not from the defaults":
        "lr, momentum, weight_decay, nesterov는 defaults가 아니라 각 `group`에서 읽으세요",
    "the optimizer's param_groups hold new tensors after step(): {hint:t}":
        "step() 후 옵티마이저의 param_groups에 새 텐서가 들어 있습니다: {hint}",
    "a parameter has autograd history (grad_fn) after step(): {hint:t}":
        "step() 후 매개변수에 autograd 기록(grad_fn)이 있습니다: {hint}",
    "update with p.add_(...) or p -= ... under torch.no_grad(); never rebind or replace the parameter":
        "torch.no_grad() 안에서 p.add_(...)나 p -= ...로 갱신하세요. 매개변수를 다시 대입하거나 다른 텐서로 바꾸지 마세요",
    "a parameter lost requires_grad after step(): update it in place instead":
        "step() 후 매개변수의 requires_grad가 꺼졌습니다: 대신 제자리(in-place)에서 갱신하세요",
    "the momentum buffer is the gradient tensor itself, so zeroing or reusing the gradient changes it: store a copy "
    "(grad.clone())":
        "모멘텀 버퍼가 기울기 텐서 자체라서, 기울기를 0으로 만들거나 다시 쓰면 버퍼도 바뀝니다: 복사본(grad.clone())을 "
        "저장하세요",
    "after step {step:n}, optimizer.state[p] has no 'momentum_buffer': keep the buffer there":
        "{step}번째 step 후 optimizer.state[p]에 'momentum_buffer'가 없습니다: 버퍼를 그곳에 두세요",
    "it starts as a copy of the first gradient (weight decay included)":
        "버퍼는 첫 기울기(weight decay 포함)의 복사본으로 시작합니다",
    "buf = momentum * buf + grad": "그다음에는 buf = momentum * buf + grad입니다",
    "a parameter whose grad is None was changed: skip it (`if p.grad is None: continue`)":
        "grad가 None인 매개변수가 바뀌었습니다: 건너뛰세요 (`if p.grad is None: continue`)",
    "skip it before touching its state": "그 매개변수의 state를 건드리기 전에 건너뛰세요",
    "call loss = closure() (under torch.enable_grad()) once, at the start of step":
        "step을 시작할 때 loss = closure()를 (torch.enable_grad() 안에서) 한 번 호출하세요",
    "return the loss the closure returned": "closure가 반환한 손실을 반환하세요",
    "call the closure before updating": "갱신하기 전에 closure를 호출하세요",
    "check the options in __init__ and raise ValueError with a message":
        "__init__에서 옵션을 검사하고, 메시지를 담아 ValueError를 일으키세요",
    "these options are valid": "이 옵션들은 올바른 값입니다",
    # train_manual
    "train_manual never called step() on a ManualSGD: train with your own optimizer":
        "train_manual이 ManualSGD의 step()을 한 번도 호출하지 않았습니다: 직접 만든 옵티마이저로 학습하세요",
    "the number of ManualSGD optimizers train_manual created": "train_manual이 만든 ManualSGD 옵티마이저의 개수",
    "create the optimizer once, before the loop: a new one each epoch loses its momentum":
        "옵티마이저는 루프 전에 한 번만 만드세요: 에폭마다 새로 만들면 모멘텀이 사라집니다",
    "the momentum train_manual gave ManualSGD": "train_manual이 ManualSGD에 넘긴 momentum",
    "pass momentum on": "받은 momentum을 그대로 넘기세요",
    "the lr train_manual gave ManualSGD": "train_manual이 ManualSGD에 넘긴 lr",
    "pass lr on": "받은 lr을 그대로 넘기세요",
    "the number of ManualSGD steps": "ManualSGD의 step 횟수",
    "call step() once per epoch": "에폭마다 step()을 한 번 호출하세요",
    "the types of the losses train_manual returned": "train_manual이 반환한 손실들의 타입",
    "return loss.item() for each epoch": "에폭마다 loss.item()을 모아 반환하세요",
    "the number of losses for epochs={epochs:n}": "epochs={epochs}일 때 손실의 개수",
    "the first epoch's loss": "첫 에폭의 손실",
    "record the loss before the update: from zero weights the first loss is log(2)":
        "손실은 갱신 전에 기록하세요: 가중치가 0에서 시작하면 첫 손실은 log(2)입니다",
    "from zero weights the first loss is log(2): check bce_loss and that the model starts at zeros":
        "가중치가 0에서 시작하면 첫 손실은 log(2)입니다: bce_loss와, 모델이 0에서 시작하는지 확인하세요",
    "the losses of train_manual({options})": "train_manual({options})의 손실들",
    "each epoch: forward, bce_loss, model.backward, step, zero_grad":
        "에폭마다 forward, bce_loss, model.backward, step, zero_grad 순서로 하세요",
    "the model's `{name:c}` after train_manual": "train_manual 후 모델의 `{name}`",
    "update the model that was passed in, not a copy or a new one":
        "복사본이나 새 모델이 아니라 인자로 받은 모델을 갱신하세요",
    "the number of autograd calls in train_manual": "train_manual 안에서 autograd를 호출한 횟수",
    "use model.backward(x, targets, probs) instead of loss.backward()":
        "loss.backward() 대신 model.backward(x, targets, probs)를 쓰세요",
    "train_manual returned {type:w}, expected a list of floats": "train_manual의 반환값이 {type} 타입입니다. float의 리스트여야 합니다",
}
