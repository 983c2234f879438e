"""Hints for exercise 8's tests: each more concrete than the last, never the reference's code."""

from __future__ import annotations

from grader._hints import TestHints as H

_APPLY = ("model.apply(fn) calls fn once on every submodule and on the model itself, children first; fn sees one "
          "module at a time and must decide by its type what to do with it.",
          "model.apply(fn)은 모든 하위 모듈과 모델 자신에 대해 fn을 한 번씩 호출합니다 (자식이 먼저). fn은 한 번에 모듈 "
          "하나를 보고, 그 타입에 따라 무엇을 할지 정해야 합니다.")
_IN_PLACE = ("Change the existing parameters' values (the functions of torch.nn.init, or fill_ / copy_ / uniform_ "
             "under torch.no_grad()); never assign a new tensor or a new nn.Parameter to the attribute.",
             "기존 매개변수의 값을 바꾸세요 (torch.nn.init의 함수들, 또는 torch.no_grad() 안의 fill_ / copy_ / uniform_). "
             "속성에 새 텐서나 새 nn.Parameter를 대입하지 마세요.")
_HANDLES = ("Every register_forward_hook call returns a handle; keep all of them (a list), since removing a hook is "
            "done through its handle.",
            "register_forward_hook을 호출할 때마다 핸들이 돌아옵니다. 훅은 핸들로 제거하므로 모두 (리스트에) 보관하세요.")
_TENSOR_HOOK = ("Tensor.register_hook(fn) calls fn with the gradient autograd has just computed for that tensor; "
                "what fn returns (if not None) replaces that gradient before it is added to .grad.",
                "Tensor.register_hook(fn)은 autograd가 그 텐서에 대해 방금 계산한 기울기로 fn을 호출합니다. fn이 (None이 "
                "아닌 값을) 반환하면 그 값이 .grad에 더해지기 전의 기울기를 대신합니다.")
_SEGMENTS = ("Parameter names are dotted paths (layers.1.weight): a prefix names a module or a parameter, so it must "
             "end at a dot or at the end of the name.",
             "매개변수 이름은 점으로 이은 경로입니다 (layers.1.weight). 접두어는 모듈이나 매개변수를 가리키므로 점에서 "
             "또는 이름의 끝에서 끝나야 합니다.")
_STATE_DICTS = ("A checkpoint holds state dicts (tensors and plain values), not the objects: model.state_dict() and "
                "optimizer.state_dict() give exactly what load_state_dict takes back.",
                "체크포인트에는 객체가 아니라 state dict (텐서와 일반 값)가 들어갑니다. model.state_dict()와 "
                "optimizer.state_dict()는 load_state_dict가 다시 받는 바로 그것을 줍니다.")

HINTS: dict[str, H] = {
    # init_weights
    "test_init_linear_xavier": H("init_weights는 nn.Linear의 weight를 [-a, a]에서 Xavier 균등 분포로 뽑습니다 "
                                 "(a = sqrt(6 / (fan_in + fan_out)))", ("init_weights",), (
        _APPLY,
        ("For nn.Linear(in_features, out_features), fan_in is in_features and fan_out is out_features.",
         "nn.Linear(in_features, out_features)에서 fan_in은 in_features, fan_out은 out_features입니다."),
        ("torch.nn.init has a function for exactly this uniform draw; Kaiming and the normal variants give other ranges.",
         "torch.nn.init에 바로 이 균등 분포 추출을 하는 함수가 있습니다. Kaiming이나 정규 분포 버전은 다른 범위를 줍니다."),
    )),
    "test_init_linear_bias_zero": H("init_weights는 nn.Linear의 bias를 0으로 둡니다", ("init_weights",), (
        _APPLY,
        ("Set every entry of the bias to 0, in place.", "bias의 모든 값을 제자리에서 0으로 두세요."),
    )),
    "test_init_is_random": H("같은 모양의 nn.Linear 두 개는 서로 다른 weight를 받습니다", ("init_weights",), (
        ("Each call draws fresh values from torch's random generator; seeding it inside init_weights gives every "
         "layer of one shape the same weights.",
         "호출할 때마다 torch의 난수 생성기에서 새 값을 뽑습니다. init_weights 안에서 시드를 정하면 같은 모양의 모든 층이 "
         "같은 weight를 받습니다."),
    )),
    "test_init_linear_without_bias": H("init_weights는 bias가 없는 nn.Linear에서도 동작합니다", ("init_weights",), (
        ("nn.Linear(..., bias=False) has its bias attribute set to None.",
         "nn.Linear(..., bias=False)의 bias 속성은 None입니다."),
        ("Initialise the bias only when the layer has one; the weight is drawn either way.",
         "층에 bias가 있을 때만 bias를 초기화하세요. weight는 어느 경우든 뽑습니다."),
    )),
    "test_init_batchnorm": H("init_weights는 nn.BatchNorm1d의 weight를 1로, bias를 0으로 둡니다", ("init_weights",), (
        _APPLY,
        ("Check for nn.BatchNorm1d itself: BatchNorm2d and the other norms are different classes the contract leaves "
         "alone.",
         "nn.BatchNorm1d 자체를 확인하세요. BatchNorm2d와 다른 정규화 층은 명세가 건드리지 않는 다른 클래스입니다."),
        ("Its learnable scale is weight (set it to 1) and its shift is bias (set it to 0).",
         "학습되는 배율은 weight (1로), 이동은 bias (0으로)입니다."),
    )),
    "test_init_leaves_other_modules": H("init_weights는 nn.Linear와 nn.BatchNorm1d 말고는 어떤 모듈도 건드리지 않습니다",
                                        ("init_weights",), (
        _APPLY,
        ("Test the module's type with isinstance and do nothing for any other type: Embedding, Conv1d and LayerNorm "
         "have weights too.",
         "isinstance로 모듈의 타입을 확인하고 다른 타입에는 아무것도 하지 마세요. Embedding, Conv1d, LayerNorm에도 "
         "weight가 있습니다."),
        ("Do not loop over module.parameters() or model.modules() yourself: apply already visits every module once.",
         "module.parameters()나 model.modules()를 직접 돌지 마세요. apply가 이미 모든 모듈을 한 번씩 방문합니다."),
    )),
    "test_init_in_place": H("init_weights는 같은 Parameter 객체를 autograd 기록 없이 제자리에서 바꿉니다", ("init_weights",), (
        ("An optimizer built before init_weights holds the Parameter objects themselves: replacing them leaves it "
         "training the old ones.",
         "init_weights 전에 만든 옵티마이저는 Parameter 객체 자체를 들고 있습니다. 이를 바꿔 끼우면 옵티마이저는 옛 "
         "객체를 학습시킵니다."),
        _IN_PLACE,
        ("In-place changes to a parameter are recorded by autograd unless grad mode is off: run them under "
         "torch.no_grad() (the nn.init functions already do).",
         "grad 모드가 꺼져 있지 않으면 매개변수의 in-place 변경이 autograd에 기록됩니다. torch.no_grad() 안에서 "
         "실행하세요 (nn.init 함수들은 이미 그렇게 합니다)."),
    )),
    "test_init_keeps_dtype_and_device": H("init_weights는 각 매개변수의 dtype과 장치를 유지합니다 (float64 모델은 "
                                          "float64로 남습니다)", ("init_weights",), (
        ("A tensor built from scratch (torch.empty, torch.zeros) is float32 on the default device, whatever the model is.",
         "처음부터 만든 텐서 (torch.empty, torch.zeros)는 모델이 무엇이든 기본 장치의 float32입니다."),
        _IN_PLACE,
    )),
    # ActivationRecorder
    "test_recorder_records_each_call": H("recorder.activations[name]은 이름이 주어진 하위 모듈의 출력을 호출마다 하나씩, "
                                         "호출 순서대로 담습니다", ("ActivationRecorder",), (
        ("dict(model.named_modules()) maps each name to its submodule; register one forward hook on each named one.",
         "dict(model.named_modules())는 이름마다 그 하위 모듈을 돌려줍니다. 이름이 주어진 모듈마다 forward 훅을 하나씩 "
         "등록하세요."),
        ("A forward hook is called as hook(module, inputs, output) after every forward call; one hook per name must "
         "know which list to append to (a closure or functools.partial).",
         "forward 훅은 forward 호출이 끝날 때마다 hook(module, inputs, output)으로 불립니다. 이름마다 훅이 하나씩이고, "
         "각 훅은 어느 리스트에 덧붙일지 알아야 합니다 (클로저나 functools.partial)."),
        ("Start every name with an empty list and append, never replace, so that three calls leave three records.",
         "이름마다 빈 리스트로 시작해서 바꾸지 말고 덧붙이세요. 그래야 세 번 호출하면 기록이 세 개 남습니다."),
    )),
    "test_recorder_detached_copies": H("기록은 분리된 복사본입니다: autograd 기록이 없고, 뒤따르는 in-place 변경에 "
                                       "영향받지 않습니다", ("ActivationRecorder",), (
        ("The output a hook receives is part of the autograd graph; keeping it as is keeps the whole graph alive.",
         "훅이 받는 출력은 autograd 그래프의 일부입니다. 그대로 보관하면 그래프 전체가 메모리에 남습니다."),
        ("detach() drops the history but still shares memory: an in-place operation later in the model (ReLU(inplace="
         "True)) would change the record too, so store a copy.",
         "detach()는 기록을 없애지만 메모리는 여전히 공유합니다. 모델의 뒤쪽 in-place 연산 (ReLU(inplace=True))이 "
         "기록까지 바꾸므로 복사본을 저장하세요."),
    )),
    "test_recorder_unknown_name": H("모르는 이름이면 recorder를 만들 때 KeyError가 납니다", ("ActivationRecorder",), (
        ("Check every name before registering anything, so that a typo fails at once instead of recording nothing.",
         "무엇이든 등록하기 전에 모든 이름을 확인하세요. 그래야 오타가 아무것도 기록하지 않는 대신 바로 실패합니다."),
        ("Names are those of named_modules() (block.0), not of parameters (block.0.weight).",
         "이름은 매개변수 (block.0.weight)가 아니라 named_modules()의 이름 (block.0)입니다."),
    )),
    "test_recorder_remove": H("recorder.remove()는 자신이 추가한 훅을 모두, 그리고 그것만 제거합니다",
                              ("ActivationRecorder", "ActivationRecorder.remove"), (
        _HANDLES,
        ("Remove through the handles: clearing a module's hook dictionaries would also remove hooks the model's owner "
         "added.",
         "핸들을 통해 제거하세요. 모듈의 훅 딕셔너리를 비우면 모델 주인이 추가한 훅까지 사라집니다."),
    )),
    "test_recorder_context_manager": H("컨텍스트 관리자로 쓰면 recorder는 예외가 나도 블록을 나갈 때 훅을 제거합니다",
                                       ("ActivationRecorder", "ActivationRecorder.remove"), (
        ("__enter__ returns what `as` binds (the recorder); __exit__ runs when the block ends, normally or by an "
         "exception.",
         "__enter__는 `as`에 묶일 것 (recorder)을 반환하고, __exit__는 블록이 끝날 때 (정상 종료든 예외든) 실행됩니다."),
        ("__exit__ removes every hook; its return value decides whether an exception is swallowed, so return nothing "
         "(None).",
         "__exit__는 모든 훅을 제거합니다. 그 반환값이 예외를 삼킬지 정하므로 아무것도 (None) 반환하지 마세요."),
    )),
    "test_recorder_transparent": H("기록해도 모델의 출력과 기울기는 바뀌지 않습니다", ("ActivationRecorder",), (
        ("A forward hook that returns a value replaces the module's output with it.",
         "값을 반환하는 forward 훅은 모듈의 출력을 그 값으로 바꿉니다."),
        ("Store what you need and return nothing from the hook.", "필요한 것을 저장하고 훅에서는 아무것도 반환하지 마세요."),
    )),
    # clip_gradients_with_hooks
    "test_clip_clamps_gradients": H("각 매개변수의 기울기는 [-clip_value, clip_value]로 잘립니다",
                                    ("clip_gradients_with_hooks",), (
        _TENSOR_HOOK,
        ("The hook must return the clamped gradient: a hook that returns None leaves the gradient unchanged.",
         "훅은 잘린 기울기를 반환해야 합니다. None을 반환하는 훅은 기울기를 바꾸지 않습니다."),
        ("Tensor.clamp takes a lower and an upper bound.", "Tensor.clamp는 아래 경계와 위 경계를 받습니다."),
    )),
    "test_clip_during_accumulation": H("기울기는 계산될 때 잘립니다: backward 두 번은 잘린 기울기 두 개를 더합니다",
                                       ("clip_gradients_with_hooks",), (
        _TENSOR_HOOK,
        ("Without zero_grad, two backward passes add two gradients into .grad: clipping .grad afterwards (or a "
         "gradient-accumulator hook) clamps the sum, not each pass.",
         "zero_grad 없이 backward를 두 번 하면 .grad에 기울기 두 개가 더해집니다. 나중에 .grad를 자르면 (또는 기울기 "
         "누적기 훅을 쓰면) 각 단계가 아니라 합을 자르게 됩니다."),
    )),
    "test_clip_returns_handles": H("훅을 건 매개변수마다 핸들을 하나씩 반환하고, 그 핸들을 제거하면 자르기가 없어집니다",
                                   ("clip_gradients_with_hooks",), (
        ("register_hook returns a handle with a .remove() method: return a list of them, one per hooked parameter.",
         "register_hook은 .remove() 메서드가 있는 핸들을 반환합니다. 훅을 건 매개변수마다 하나씩, 그 리스트를 반환하세요."),
    )),
    "test_clip_rejects_non_positive": H("clip_value <= 0이면 ValueError가 납니다", ("clip_gradients_with_hooks",), (
        ("Check clip_value first and raise ValueError with a message before registering any hook.",
         "먼저 clip_value를 확인하고, 훅을 등록하기 전에 메시지와 함께 ValueError를 일으키세요."),
    )),
    "test_clip_skips_frozen": H("requires_grad인 매개변수만 훅을 받습니다: 고정된 층은 그대로 둡니다",
                                ("clip_gradients_with_hooks",), (
        ("A tensor that does not require grad gets no gradient, and registering a hook on it raises an error.",
         "requires_grad가 아닌 텐서는 기울기를 받지 않으며, 거기에 훅을 등록하면 오류가 납니다."),
        ("Filter the parameters on their requires_grad flag.", "매개변수를 requires_grad 플래그로 걸러내세요."),
    )),
    # freeze
    "test_freeze_whole_segments": H("freeze는 이름의 마디 전체로 맞춥니다: 'fc1'은 fc1.weight를 고정하지만 fc10.weight는 "
                                    "고정하지 않습니다", ("freeze",), (
        _SEGMENTS,
        ("A name matches a prefix when it is the prefix itself or starts with the prefix followed by a dot; a plain "
         "startswith also matches fc10.weight for fc1.",
         "이름이 접두어 자체이거나 접두어 뒤에 점이 붙은 것으로 시작하면 맞습니다. 그냥 startswith를 쓰면 fc1에 "
         "fc10.weight도 맞습니다."),
    )),
    "test_freeze_order": H("freeze는 고정한 이름을 named_parameters() 순서로 하나씩 반환합니다", ("freeze",), (
        ("Loop over model.named_parameters() once, and test all prefixes for each name: looping over the prefixes "
         "first gives their order, and a name matched twice would appear twice.",
         "model.named_parameters()를 한 번 돌면서 이름마다 모든 접두어를 확인하세요. 접두어를 바깥에서 돌면 접두어의 "
         "순서가 되고, 두 번 맞는 이름은 두 번 나옵니다."),
    )),
    "test_freeze_keeps_other_flags": H("freeze가 맞추지 않은 매개변수는 requires_grad를 그대로 유지합니다 (고정이든 아니든)",
                                       ("freeze",), (
        ("Only set requires_grad on the parameters that match; a parameter frozen before stays frozen, a trainable "
         "one stays trainable.",
         "맞는 매개변수에만 requires_grad를 정하세요. 전에 고정된 매개변수는 고정된 채로, 학습되던 매개변수는 학습되는 "
         "채로 둡니다."),
        _SEGMENTS,
    )),
    # checkpoints
    "test_checkpoint_contents": H("save_checkpoint는 {'model': state_dict, 'optimizer': state_dict, 'epoch': int}를 "
                                  "씁니다", ("save_checkpoint",), (
        _STATE_DICTS,
        ("torch.save takes the object first and the path second.", "torch.save는 객체를 먼저, 경로를 두 번째로 받습니다."),
        ("Store the epoch as a plain Python int, not a tensor.", "epoch는 텐서가 아니라 파이썬 int로 저장하세요."),
    )),
    "test_checkpoint_round_trip": H("load_checkpoint는 모델과 옵티마이저를 복원하고 epoch를 int로 반환합니다",
                                    ("load_checkpoint", "save_checkpoint"), (
        _STATE_DICTS,
        ("Both objects have load_state_dict: restore the model and the optimizer, then hand back the epoch.",
         "두 객체 모두 load_state_dict가 있습니다. 모델과 옵티마이저를 복원한 뒤 epoch를 돌려주세요."),
    )),
    "test_checkpoint_resume_exact": H("체크포인트에서 이어 한 학습은 멈추지 않은 학습과 같습니다 (모멘텀 SGD)",
                                      ("load_checkpoint", "save_checkpoint"), (
        ("SGD with momentum keeps a momentum buffer per parameter in the optimizer's state; a fresh optimizer starts "
         "without them.",
         "모멘텀 SGD는 옵티마이저 상태에 매개변수마다 모멘텀 버퍼를 둡니다. 새 옵티마이저는 버퍼 없이 시작합니다."),
        ("Save and restore the optimizer's state dict as well as the model's, exactly as they are.",
         "모델의 state dict뿐 아니라 옵티마이저의 state dict도 그대로 저장하고 복원하세요."),
    )),
    "test_checkpoint_weights_only": H("load_checkpoint는 weights_only=True를 씁니다: 임의의 객체가 든 체크포인트는 거부됩니다",
                                      ("load_checkpoint",), (
        ("Unpickling can run any code a file carries; weights_only=True lets torch.load read only tensors and plain "
         "containers.",
         "unpickle은 파일이 담은 어떤 코드든 실행할 수 있습니다. weights_only=True이면 torch.load는 텐서와 일반 컨테이너만 "
         "읽습니다."),
        ("Let the error torch.load raises for such a file reach the caller: do not catch it and retry without "
         "weights_only.",
         "그런 파일에 대해 torch.load가 일으키는 오류를 호출한 쪽까지 그대로 보내세요. 잡아서 weights_only 없이 다시 "
         "시도하지 마세요."),
    )),
    "test_checkpoint_map_location": H("load_checkpoint는 텐서를 모델 매개변수의 장치로 옮겨 읽습니다",
                                      ("load_checkpoint",), (
        ("A checkpoint remembers the device each tensor was saved from; without map_location torch.load puts it back "
         "there, which fails on a machine without that device.",
         "체크포인트는 각 텐서가 저장된 장치를 기억합니다. map_location이 없으면 torch.load는 텐서를 그 장치로 되돌리므로, "
         "그 장치가 없는 컴퓨터에서는 실패합니다."),
        ("Ask the model where it is (the device of one of its parameters) and pass that as map_location; a fixed "
         "'cpu' or 'cuda' is wrong for every other machine.",
         "모델이 어디 있는지 (매개변수 하나의 장치) 알아내서 map_location으로 넘기세요. 'cpu'나 'cuda'로 고정하면 다른 "
         "컴퓨터에서는 틀립니다."),
    )),
}
