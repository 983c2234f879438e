"""Hints for exercise 2's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

HINTS: dict[str, H] = {
    "test_train_step_returns_float": H("train_step은 순전파의 손실을 Python float로 반환합니다", ("train_step",), (
        ("A one-element tensor turns into a plain Python number with its .item() method; the number no longer holds "
         "the autograd graph.",
         "원소가 하나인 텐서는 .item() 메서드로 일반 Python 숫자가 됩니다. 이 숫자는 autograd 그래프를 붙잡지 않습니다."),
        ("Take the number from the loss computed in this call, before the optimizer changes the weights: a second "
         "forward pass after the update gives another value.",
         "옵티마이저가 가중치를 바꾸기 전에, 이번 호출에서 계산한 손실에서 숫자를 꺼내세요. 갱신 후에 다시 순전파하면 다른 "
         "값이 나옵니다."),
        ("The loss function takes the model's output first and the targets second.",
         "손실 함수는 모델의 출력을 첫 번째 인자로, targets를 두 번째 인자로 받습니다."),
    )),
    "test_train_step_updates_like_sgd": H("train_step은 기울기 초기화, 역전파, step을 올바른 순서로 합니다 "
                                          "(4번 호출하며 매번 매개변수 확인)", ("train_step",), (
        ("backward() adds to .grad instead of overwriting it, so every step starts by clearing the gradients.",
         "backward()는 .grad를 덮어쓰지 않고 더합니다. 그래서 step마다 기울기를 지우는 것으로 시작합니다."),
        ("The optimizer's step() reads .grad: it must run after the backward pass that filled it, and nothing may "
         "clear the gradients in between.",
         "옵티마이저의 step()은 .grad를 읽습니다: .grad를 채운 역전파 다음에 실행해야 하고, 그 사이에 기울기를 지우면 "
         "안 됩니다."),
        ("Five things, each once per call and in this order: clear the gradients, forward, loss, backward, step.",
         "호출마다 다섯 가지를 이 순서로 한 번씩: 기울기 지우기, 순전파, 손실 계산, 역전파, step."),
    )),
    "test_train_step_clears_stale_gradients": H("train_step은 호출 전부터 .grad에 남아 있던 기울기를 지웁니다",
                                                ("train_step",), (
        ("The test fills every .grad before calling train_step, as if an earlier step had left them there.",
         "테스트는 이전 step이 남긴 것처럼, train_step을 호출하기 전에 모든 .grad를 채워 둡니다."),
        ("Clearing comes first in train_step, before the backward pass adds the new gradients.",
         "기울기 지우기는 train_step의 맨 처음, 역전파가 새 기울기를 더하기 전에 해야 합니다."),
    )),
    "test_train_epoch_returns_float": H("train_epoch은 에폭 손실을 Python float로 반환합니다", ("train_epoch",), (
        ("train_step already returns Python floats: compute the epoch's loss from those numbers, not from loss tensors.",
         "train_step은 이미 Python float를 반환합니다: 손실 텐서가 아니라 이 숫자들로 에폭 손실을 계산하세요."),
    )),
    "test_train_epoch_weighted_mean": H("train_epoch은 샘플 수로 가중한 평균 손실을 반환합니다 "
                                        "(샘플 10개, 배치 크기 4, 4, 2)", ("train_epoch",), (
        ("Each batch loss is already a mean over that batch's samples, and the last batch can be smaller than the "
         "others.",
         "배치 손실은 이미 그 배치 샘플들의 평균이고, 마지막 배치는 다른 배치보다 작을 수 있습니다."),
        ("Turn each batch mean back into a batch total by multiplying it by the batch size, add the totals up, and "
         "count the samples as you go.",
         "배치 평균에 배치 크기를 곱해 배치 합계로 되돌리고, 그 합계들을 더하면서 샘플 수도 세세요."),
        ("At the end, divide the sum by the number of samples seen (10 here), not by the number of batches.",
         "마지막에 그 합을 배치 개수가 아니라 실제로 본 샘플 수(여기서는 10)로 나누세요."),
    )),
    "test_train_epoch_sets_train_mode": H("train_epoch은 모델을 학습 모드로 바꿉니다 (모델은 평가 모드로 시작합니다)",
                                          ("train_epoch",), (
        ("Dropout and BatchNorm behave differently in training and evaluation mode, and the caller may hand over a "
         "model in either.",
         "Dropout과 BatchNorm은 학습 모드와 평가 모드에서 다르게 동작하고, 모델은 어느 모드로든 전달될 수 있습니다."),
        ("Switch with the module's method for training mode, which also switches every child module; assigning the "
         "training attribute changes the top module only.",
         "학습 모드로 바꾸는 모듈의 메서드를 쓰세요. 이 메서드는 모든 자식 모듈도 함께 바꿉니다. training 속성에 값을 "
         "대입하면 최상위 모듈만 바뀝니다."),
    )),
    "test_train_epoch_trains_every_batch": H("train_epoch은 배치마다 순서대로 train_step을 한 번씩 실행합니다",
                                             ("train_epoch",), (
        ("Iterating over the loader yields (inputs, targets) pairs in order; each pair is one batch.",
         "loader를 순회하면 (inputs, targets) 쌍이 순서대로 나옵니다. 한 쌍이 배치 하나입니다."),
        ("Let train_step do the work: one call per batch, none skipped, none repeated.",
         "일은 train_step에 맡기세요: 배치마다 한 번씩, 건너뛰거나 반복하지 마세요."),
    )),
    "test_train_epoch_moves_batches_to_device": H("train_epoch은 inputs와 targets를 장치(device)로 옮깁니다",
                                                  ("train_epoch",), (
        ("The loader yields tensors on the CPU, while the model may live on a GPU.",
         "loader는 CPU에 있는 텐서를 내놓지만, 모델은 GPU에 있을 수 있습니다."),
        ("Tensor.to(device) returns a moved copy and leaves the original where it was: use what it returns, for the "
         "inputs and the targets alike.",
         "Tensor.to(device)는 옮긴 사본을 반환하고 원본은 그 자리에 둡니다: inputs와 targets 모두 반환값을 쓰세요."),
    )),
    "test_predict_returns_numpy": H("predict는 모양이 (N, outputs)인 float32 NumPy 배열을 반환합니다", ("predict",), (
        ("NumPy cannot read GPU memory, nor convert a tensor that requires grad: bring the output to the CPU, computed "
         "without gradient tracking.",
         "NumPy는 GPU 메모리를 읽지 못하고, grad를 요구하는 텐서도 변환하지 못합니다: 기울기 추적 없이 계산한 출력을 "
         "CPU로 가져오세요."),
        ("A CPU tensor has a method that returns it as a NumPy array; keep its dtype (float32) and shape as they are.",
         "CPU 텐서에는 자신을 NumPy 배열로 반환하는 메서드가 있습니다. dtype(float32)과 모양은 그대로 두세요."),
    )),
    "test_predict_values": H("predict는 평가 모드에서 모델의 출력을 반환합니다", ("predict",), (
        ("In training mode BatchNorm normalises with the current batch's statistics; in evaluation mode it uses its "
         "running statistics.",
         "학습 모드의 BatchNorm은 현재 배치의 통계로 정규화하고, 평가 모드에서는 누적된 running 통계를 씁니다."),
        ("Switch to evaluation mode before the forward pass, then return the output for all the inputs.",
         "순전파 전에 평가 모드로 바꾼 다음, 모든 입력에 대한 출력을 반환하세요."),
    )),
    "test_predict_sets_eval_mode": H("predict는 모델을 평가 모드로 바꿉니다 (모델은 학습 모드로 시작합니다)",
                                     ("predict",), (
        ("The caller may hand over a model still in training mode, for example right after training.",
         "모델은 예를 들어 학습 직후처럼, 아직 학습 모드인 채로 전달될 수 있습니다."),
        ("Switch with the module's method for evaluation mode, which also switches every child module; assigning the "
         "training attribute changes the top module only.",
         "평가 모드로 바꾸는 모듈의 메서드를 쓰세요. 이 메서드는 모든 자식 모듈도 함께 바꿉니다. training 속성에 값을 "
         "대입하면 최상위 모듈만 바뀝니다."),
    )),
    "test_predict_without_grad": H("predict는 기울기를 추적하지 않고 모델을 실행합니다", ("predict",), (
        ("Prediction needs no gradients, but while tracking is on autograd records a graph for every operation.",
         "예측에는 기울기가 필요 없지만, 추적이 켜져 있으면 autograd가 모든 연산의 그래프를 기록합니다."),
        ("Detaching the output afterwards is too late: run the forward pass inside torch's context manager that turns "
         "tracking off.",
         "나중에 출력을 detach하면 이미 늦습니다: 추적을 끄는 torch의 컨텍스트 매니저 안에서 순전파를 실행하세요."),
    )),
    "test_predict_changes_no_parameter": H("predict는 매개변수(값과 requires_grad)를 바꾸지 않습니다", ("predict",), (
        ("predict only reads the model: no optimizer step and no in-place change of a parameter.",
         "predict는 모델을 읽기만 합니다: 옵티마이저 step도, 매개변수를 제자리에서 바꾸는 일도 없어야 합니다."),
        ("Setting requires_grad=False on the parameters also stops tracking, but it outlives predict and breaks later "
         "training: switch tracking off for the forward pass only.",
         "매개변수에 requires_grad=False를 설정해도 추적은 멈추지만, predict가 끝난 뒤에도 남아 이후 학습을 망칩니다: "
         "순전파 동안에만 추적을 끄세요."),
    )),
    "test_predict_moves_inputs_to_device": H("predict는 inputs를 장치(device)로 옮깁니다", ("predict",), (
        ("The inputs arrive on the CPU: move them to the given device before the forward pass, and use the moved "
         "tensor.",
         "inputs는 CPU에 있습니다: 순전파 전에 주어진 device로 옮기고, 옮긴 텐서를 쓰세요."),
    )),
    "test_fit_returns_epoch_losses": H("fit은 에폭 손실을 에폭마다 float 하나씩, 순서대로 담은 리스트로 반환합니다",
                                       ("fit", "train_epoch"), (
        ("fit runs train_epoch once per epoch and keeps what each call returns.",
         "fit은 에폭마다 train_epoch을 한 번 실행하고 각 호출의 반환값을 모읍니다."),
        ("Return a real list (not a generator or a tuple) of exactly epochs floats, the first epoch first.",
         "제너레이터나 튜플이 아닌 진짜 리스트에, 정확히 epochs개의 float를 첫 에폭부터 담아 반환하세요."),
    )),
    "test_fit_trains_the_model": H("fit은 학습 모드에서 loader로 모델을 epochs번 학습합니다", ("fit", "train_epoch"), (
        ("Reuse train_epoch: it already switches to training mode and steps on every batch.",
         "train_epoch을 재사용하세요: 이미 학습 모드로 바꾸고 모든 배치에서 step합니다."),
        ("Pass the same model, loader, loss function and optimizer to every call: a new optimizer or a copy of the "
         "model does not train the one you were given.",
         "모든 호출에 같은 모델, loader, 손실 함수, 옵티마이저를 넘기세요: 새 옵티마이저나 모델 복사본으로는 전달받은 "
         "모델이 학습되지 않습니다."),
    )),
    "test_fit_moves_model_to_device": H("fit은 모델을 장치(device)로 옮깁니다", ("fit",), (
        ("The model is built on the CPU: move it once, at the start of fit. Module.to moves parameters and buffers "
         "in place.",
         "모델은 CPU에서 만들어집니다: fit을 시작할 때 한 번 옮기세요. Module.to는 매개변수와 버퍼를 제자리에서 옮깁니다."),
        ("Pass the device on to train_epoch, so that every batch follows the model.",
         "모든 배치가 모델을 따라가도록 device를 train_epoch에 넘기세요."),
    )),
}
