"""Korean for exercise 2's own phrases (see :mod:`grader._i18n`)."""

from __future__ import annotations

# The order the suite spells out in several hints (code, kept as it is in Korean).
ORDER = ("optimizer.zero_grad(), outputs = model(inputs), loss = loss_fn(outputs, targets), loss.backward(), "
         "optimizer.step()")

CATALOG: dict[str, str] = {
    # what was compared
    "`{name:c}` after train_step call {call:n} (SGD, lr={lr:n}, same starting weights and batches)":
        "train_step {call}번째 호출 후의 `{name}` (SGD, lr={lr}, 같은 시작 가중치와 배치)",
    "`{name:c}` after train_step call {call:n} when every .grad held {stale:n} beforehand":
        "모든 .grad 값이 미리 {stale}일 때, train_step {call}번째 호출 후의 `{name}`",
    "the loss train_step returned on call {call:n}": "train_step의 {call}번째 호출이 반환한 손실",
    "the loss of the first train_step call (from the same weights and batch)":
        "train_step 첫 호출의 손실 (같은 가중치와 배치에서)",
    "the loss train_epoch returned for {samples:n} samples in batches of {sizes}":
        "train_epoch이 반환한 손실 (샘플 {samples}개, 배치 크기 {sizes})",
    "the batch sizes the model saw in train_epoch": "train_epoch 동안 모델이 받은 배치 크기들",
    "the number of optimizer steps in train_epoch": "train_epoch 동안 옵티마이저가 step한 횟수",
    "`{name:c}` after train_epoch": "train_epoch 후의 `{name}`",
    "the dtype of the array predict returned": "predict가 반환한 배열의 dtype",
    "the shape of the array predict returned for {inputs:n} inputs and {outputs:n} outputs":
        "입력 {inputs}개, 출력 {outputs}개일 때 predict가 반환한 배열의 모양",
    "the array predict returned": "predict가 반환한 배열",
    "the parameters whose values predict changed": "predict가 값을 바꾼 매개변수들",
    "the parameters whose requires_grad predict changed": "predict가 requires_grad를 바꾼 매개변수들",
    "the number of losses fit returned for epochs={epochs:n}": "epochs={epochs}일 때 fit이 반환한 손실의 개수",
    "fit's list of epoch losses": "fit이 반환한 에폭별 손실 리스트",
    "the batch sizes the model saw during fit(epochs={epochs:n})": "fit(epochs={epochs}) 동안 모델이 받은 배치 크기들",
    "`{name:c}` after fit(epochs={epochs:n})": "fit(epochs={epochs}) 후의 `{name}`",
    # a float where a float was asked for
    "{function:w} returned a tensor of shape {shape} that still holds the autograd graph (it has a grad_fn), "
    "keeping the whole graph in memory: {hint:t}":
        "{function}의 반환값이 모양이 {shape}인 텐서이고, 아직 autograd 그래프를 붙잡고 있습니다 (grad_fn이 있습니다). "
        "그래프 전체가 메모리에 남습니다: {hint}",
    "{function:w} returned None, expected a Python float: {hint:t}":
        "{function}의 반환값이 None입니다. Python float를 반환해야 합니다: {hint}",
    "{function:w} returned a tensor of shape {shape}, expected a Python float: {hint:t}":
        "{function}의 반환값이 모양이 {shape}인 텐서입니다. Python float를 반환해야 합니다: {hint}",
    "{function:w} returned a {type:w}, expected a Python float: {hint:t}":
        "{function}의 반환값이 {type} 타입입니다. Python float를 반환해야 합니다: {hint}",
    "return loss.item()": "loss.item()을 반환하세요",
    "add up the floats train_step returns": "train_step이 반환하는 float 값을 더하세요",
    "append what train_epoch returns for each epoch": "에폭마다 train_epoch의 반환값을 리스트에 추가하세요",
    # train_step
    "train_step never called loss_fn: compute loss = loss_fn(model(inputs), targets)":
        "train_step이 loss_fn을 한 번도 호출하지 않았습니다: loss = loss_fn(model(inputs), targets)를 계산하세요",
    "return loss.item() of this call's forward pass, taken before optimizer.step() (not a new forward after the update)":
        "이번 호출의 순전파에서 얻은 loss.item()을 optimizer.step() 전에 구해 반환하세요 "
        "(갱신 후에 다시 순전파한 값이 아닙니다)",
    "compute loss = loss_fn(model(inputs), targets) on the batch you were given":
        "받은 배치로 loss = loss_fn(model(inputs), targets)를 계산하세요",
    f"nothing was updated because optimizer.step() was not called: each call does {ORDER}":
        f"optimizer.step()을 호출하지 않아서 아무것도 갱신되지 않았습니다. 호출마다 이 순서로 실행하세요: {ORDER}",
    "the optimizer stepped {count:n} times in one train_step call: call optimizer.step() once, after loss.backward()":
        "train_step 한 번 호출에서 옵티마이저가 {count}번 step했습니다: optimizer.step()은 loss.backward() 다음에 "
        "한 번만 호출하세요",
    "you called optimizer.step() before loss.backward(): the gradients were still empty when it ran, so it updated "
    f"nothing (or used the previous batch's gradients); the order is {ORDER}":
        "optimizer.step()을 loss.backward()보다 먼저 호출했습니다: step이 실행될 때 기울기가 아직 비어 있어서 "
        f"아무것도 갱신하지 않았습니다 (또는 이전 배치의 기울기를 썼습니다). 올바른 순서: {ORDER}",
    "when optimizer.step() ran, the gradients were empty (None or zero), so it updated nothing: call "
    "optimizer.zero_grad() first, then loss.backward() right before optimizer.step(), never zero_grad between "
    f"them; the order is {ORDER}":
        "optimizer.step()이 실행될 때 기울기가 비어 있어서(None 또는 0) 아무것도 갱신하지 않았습니다: "
        "optimizer.zero_grad()를 먼저 호출하고, loss.backward()는 optimizer.step() 바로 앞에서 호출하세요. "
        f"둘 사이에 zero_grad를 두면 안 됩니다. 올바른 순서: {ORDER}",
    "the update also used the gradients that were already in .grad before train_step was called: clear them with "
    "optimizer.zero_grad() at the start of train_step, before loss.backward()":
        "train_step이 호출되기 전부터 .grad에 있던 기울기까지 갱신에 쓰였습니다: train_step을 시작할 때, "
        "loss.backward() 전에 optimizer.zero_grad()로 지우세요",
    "the gradients of the previous call were still in .grad and were added to this call's (backward accumulates): "
    "call optimizer.zero_grad() at the start of train_step, before loss.backward()":
        "이전 호출의 기울기가 .grad에 남아 있다가 이번 호출의 기울기에 더해졌습니다 (backward는 기울기를 누적합니다): "
        "train_step을 시작할 때, loss.backward() 전에 optimizer.zero_grad()를 호출하세요",
    f"each call must do, in this order: {ORDER}": f"호출마다 이 순서로 실행해야 합니다: {ORDER}",
    # train_epoch
    "train_epoch returned None, expected the epoch's mean loss": "train_epoch의 반환값이 None입니다. 에폭의 평균 손실이어야 합니다",
    "train_epoch returned a tensor of shape {shape}, expected the epoch's mean loss":
        "train_epoch의 반환값이 모양이 {shape}인 텐서입니다. 에폭의 평균 손실이어야 합니다",
    "train_epoch returned a {type:w}, expected the epoch's mean loss":
        "train_epoch의 반환값이 {type} 타입입니다. 에폭의 평균 손실이어야 합니다",
    "the model (or its BatchNorm layer) was not in training mode, so BatchNorm gave other losses: call model.train() first":
        "모델(또는 그 안의 BatchNorm 층)이 학습 모드가 아니어서 BatchNorm이 다른 손실을 냈습니다: 먼저 model.train()을 "
        "호출하세요",
    "call train_step on every batch and return the sample-weighted mean of the losses it returns":
        "모든 배치에 train_step을 호출하고, 반환된 손실들을 샘플 수로 가중한 평균을 반환하세요",
    "this is the unweighted mean of the batch losses, but the last batch holds only {count:n} samples: weight each batch "
    "loss by its batch size, sum(loss_b * len(batch_b)) / total samples":
        "이 값은 배치 손실들의 단순 평균(가중치 없음)입니다. 하지만 마지막 배치에는 샘플이 {count}개뿐입니다: 배치 손실마다 "
        "배치 크기로 가중치를 주어 sum(loss_b * len(batch_b)) / 전체 샘플 수를 구하세요",
    "this is the last batch's loss: return the mean over the whole epoch, weighting each batch loss by its batch size":
        "이 값은 마지막 배치의 손실입니다: 배치 손실마다 배치 크기로 가중치를 주어, 에폭 전체의 평균을 반환하세요",
    "this is the sum of the batch losses: weight each by its batch size and divide by the number of samples":
        "이 값은 배치 손실들의 합입니다: 각 손실에 배치 크기를 곱해 더한 뒤 샘플 수로 나누세요",
    "this is sum(loss_b * len(batch_b)), not yet divided by the number of samples ({samples:n})":
        "이 값은 sum(loss_b * len(batch_b))입니다. 아직 샘플 수({samples})로 나누지 않았습니다",
    "you divided by the number of batches ({batches:n}): divide sum(loss_b * len(batch_b)) by the number of samples "
    "({samples:n})":
        "배치 개수({batches})로 나눴습니다: sum(loss_b * len(batch_b))를 샘플 수({samples})로 나누세요",
    "you divided by the number of batches times the batch size ({product:n}), but the last batch is short: divide by "
    "the number of samples actually seen ({samples:n})":
        "배치 개수 × 배치 크기({product})로 나눴지만 마지막 배치는 더 작습니다: 실제로 본 샘플 수({samples})로 나누세요",
    "this is the weighted mean of your batch losses, but those differ from the expected ones: {fix:t}":
        "이 값은 여러분의 배치 손실들의 가중 평균이지만, 배치 손실 자체가 기댓값과 다릅니다: {fix}",
    "call train_step once per batch, in training mode": "학습 모드에서 배치마다 train_step을 한 번씩 호출하세요",
    "your train_step does not match the expected updates yet (see its tests): fix it first, train_epoch relies on it":
        "train_step이 아직 기대한 갱신과 맞지 않습니다 (train_step의 테스트를 보세요): train_epoch은 train_step에 "
        "의존하므로 train_step부터 고치세요",
    "return sum(loss_b * len(batch_b)) / total samples, with loss_b the float train_step returned for batch b":
        "sum(loss_b * len(batch_b)) / 전체 샘플 수를 반환하세요. loss_b는 배치 b에 대해 train_step이 반환한 float입니다",
    "train_epoch never called the model: call train_step on every batch":
        "train_epoch이 모델을 한 번도 호출하지 않았습니다: 모든 배치에 train_step을 호출하세요",
    "the model ran in evaluation mode during train_epoch (it was handed over in eval mode): call model.train() at the "
    "start of train_epoch":
        "train_epoch 동안 모델이 평가 모드로 실행되었습니다 (모델은 평가 모드로 전달되었습니다): train_epoch을 시작할 때 "
        "model.train()을 호출하세요",
    "the model's child modules (its BatchNorm layer) were still in evaluation mode: switch with model.train(), which "
    "sets every child module, instead of assigning model.training":
        "모델의 자식 모듈(BatchNorm 층)이 아직 평가 모드였습니다: model.training에 값을 대입하지 말고, 모든 자식 모듈까지 "
        "바꿔 주는 model.train()으로 전환하세요",
    "call train_step once for each (inputs, targets) batch of the loader, in order":
        "loader의 (inputs, targets) 배치마다 순서대로 train_step을 한 번씩 호출하세요",
    "the model (or its BatchNorm layer) ran in evaluation mode: call model.train() first":
        "모델(또는 그 안의 BatchNorm 층)이 평가 모드로 실행되었습니다: 먼저 model.train()을 호출하세요",
    "train_epoch never called the model and loss_fn: call train_step on every batch":
        "train_epoch이 모델과 loss_fn을 호출하지 않았습니다: 모든 배치에 train_step을 호출하세요",
    "a batch of inputs reached the model on {got}, expected {want}: move it with inputs.to(device)":
        "입력 배치가 {got}에 있는 채로 모델에 들어갔습니다. {want}에 있어야 합니다: inputs.to(device)로 옮기세요",
    "the targets reached loss_fn on {got}, expected {want}: move them with targets.to(device)":
        "targets가 {got}에 있는 채로 loss_fn에 들어갔습니다. {want}에 있어야 합니다: targets.to(device)로 옮기세요",
    # predict
    "predict returned a {type:w}, expected a numpy.ndarray: return outputs.cpu().numpy()":
        "predict의 반환값이 {type} 타입입니다. numpy.ndarray여야 합니다: outputs.cpu().numpy()를 반환하세요",
    "return the model's float32 output as it is: outputs.cpu().numpy()":
        "모델의 float32 출력을 그대로 반환하세요: outputs.cpu().numpy()",
    "return the model's whole output, one row per input": "입력마다 한 행씩, 모델의 출력 전체를 반환하세요",
    "return the model's output for inputs": "inputs에 대한 모델의 출력을 반환하세요",
    "the model ran in training mode, so BatchNorm used the batch's statistics: call model.eval() first":
        "모델이 학습 모드로 실행되어 BatchNorm이 배치의 통계를 썼습니다: 먼저 model.eval()을 호출하세요",
    "predict returned an array of dtype {dtype:w}, expected float32 numbers: return outputs.cpu().numpy()":
        "predict가 dtype이 {dtype}인 배열을 반환했습니다. float32 숫자여야 합니다: outputs.cpu().numpy()를 반환하세요",
    "predict never called the model": "predict가 모델을 한 번도 호출하지 않았습니다",
    "the model ran in training mode during predict (it was handed over in training mode): call model.eval() before "
    "the forward pass":
        "predict 동안 모델이 학습 모드로 실행되었습니다 (모델은 학습 모드로 전달되었습니다): 순전파 전에 model.eval()을 "
        "호출하세요",
    "the model's child modules (its BatchNorm layer) were still in training mode: switch with model.eval(), which sets "
    "every child module, instead of assigning model.training":
        "모델의 자식 모듈(BatchNorm 층)이 아직 학습 모드였습니다: model.training에 값을 대입하지 말고, 모든 자식 모듈까지 "
        "바꿔 주는 model.eval()로 전환하세요",
    "gradient tracking was on while the model ran in predict, so autograd recorded a graph for nothing: run the model "
    "under torch.no_grad() (detaching the output afterwards is too late)":
        "predict에서 모델이 실행되는 동안 기울기 추적이 켜져 있어서 autograd가 쓸데없이 그래프를 기록했습니다: "
        "torch.no_grad() 안에서 모델을 실행하세요 (나중에 출력을 detach하면 이미 늦습니다)",
    "predict only runs the model": "predict는 모델을 실행하기만 해야 합니다",
    "leave requires_grad alone (the model is trained again later): use torch.no_grad() instead":
        "requires_grad는 건드리지 마세요 (모델은 나중에 다시 학습됩니다): 대신 torch.no_grad()를 쓰세요",
    "the inputs reached the model on {got}, expected {want}: move them with inputs.to(device)":
        "inputs가 {got}에 있는 채로 모델에 들어갔습니다. {want}에 있어야 합니다: inputs.to(device)로 옮기세요",
    # fit
    "return the losses in epoch order, the first epoch first": "손실을 에폭 순서대로, 첫 에폭부터 반환하세요",
    "your train_epoch does not match the expected results yet (see its tests): fix it first, fit returns what it returns":
        "train_epoch이 아직 기대한 결과와 맞지 않습니다 (train_epoch의 테스트를 보세요): fit은 train_epoch의 반환값을 "
        "그대로 돌려주므로 train_epoch부터 고치세요",
    "collect what train_epoch(model, loader, loss_fn, optimizer, device) returns, once per epoch":
        "에폭마다 한 번씩 train_epoch(model, loader, loss_fn, optimizer, device)의 반환값을 모으세요",
    "fit returned a {type:w}, expected a list of floats, one per epoch":
        "fit의 반환값이 {type} 타입입니다. 에폭마다 하나씩 float를 담은 리스트여야 합니다",
    "call train_epoch exactly epochs times: for _ in range(epochs)":
        "train_epoch을 정확히 epochs번 호출하세요: for _ in range(epochs)",
    "call train_epoch once per epoch, on the same model, loader, loss_fn and optimizer":
        "같은 model, loader, loss_fn, optimizer로 에폭마다 train_epoch을 한 번씩 호출하세요",
    "the model (or its BatchNorm layer) ran in evaluation mode during fit (it was handed over in eval mode): train with "
    "train_epoch, which calls model.train()":
        "fit 동안 모델(또는 그 안의 BatchNorm 층)이 평가 모드로 실행되었습니다 (모델은 평가 모드로 전달되었습니다): "
        "model.train()을 호출하는 train_epoch으로 학습하세요",
    "train the model that was passed in, with the optimizer that was passed in":
        "인자로 받은 모델을, 인자로 받은 옵티마이저로 학습하세요",
    "after fit, some of the model's tensors are on {got}, expected {want}: call model.to(device) at the start of fit":
        "fit 후에 모델의 텐서 일부가 {got}에 있습니다. {want}에 있어야 합니다: fit을 시작할 때 model.to(device)를 호출하세요",
    "a batch reached the model on {got}, expected {want}: pass device on to train_epoch":
        "배치가 {got}에 있는 채로 모델에 들어갔습니다. {want}에 있어야 합니다: device를 train_epoch에 넘기세요",
    # the probes' loss function
    "loss_fn received the targets first: call loss_fn(outputs, targets), the model's output first":
        "loss_fn이 targets를 첫 번째 인자로 받았습니다: 모델의 출력을 먼저 넣어 loss_fn(outputs, targets)로 호출하세요",
    "loss_fn must be called with two tensors: loss_fn(outputs, targets)":
        "loss_fn은 텐서 두 개로 호출해야 합니다: loss_fn(outputs, targets)",
}
