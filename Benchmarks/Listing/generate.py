#!/usr/bin/env python3
"""Writes a synthetic model listing of the Hub's real shape, for the listing benchmark.

SYNTHETIC: made-up models and counts (real organisation names for the largest authors,
made-up ones for the long tail); never cite it. Usage:

    python3 Benchmarks/Listing/generate.py OUT.ndjson [--models 2000000] [--seed 7]

One JSON object per line, as the Hub's /api/models returns them (id, author, downloads in
the last 30 days, downloadsAllTime, createdAt, pipeline_tag, library_name, tags with
base_model: forms). About one model in seven has downloads in the window, as on the Hub,
where most of two million models are not downloaded in a month; the others have 0 and are
read and skipped. Downloads follow a heavy tail; a third of the downloaded models name a
base model (a fine-tune, a quantization or an adapter of an earlier one), a few a merge.
"""
import argparse
import json
import random

ORGS = [
    "meta-llama", "Qwen", "google", "microsoft", "openai", "nvidia", "deepseek-ai", "mistralai", "BAAI",
    "stabilityai", "tiiuae", "CohereLabs", "ibm-granite", "allenai", "sentence-transformers", "intfloat",
    "jinaai", "nomic-ai", "Alibaba-NLP", "zai-org", "01-ai", "internlm", "OpenGVLab", "moonshotai",
    "MiniMaxAI", "tencent", "bigscience", "EleutherAI", "HuggingFaceTB", "bigcode", "Salesforce", "apple",
    "unsloth", "bartowski", "lmstudio-community", "mlx-community", "TheBloke",
]
PIPELINES = ["text-generation", "feature-extraction", "sentence-similarity", "image-text-to-text",
             "automatic-speech-recognition", "text-to-image", "fill-mask", "text-classification"]
LIBRARIES = ["transformers", "sentence-transformers", "diffusers", "gguf", "mlx", "peft", "timm"]
RELATIONS = ["finetune", "quantized", "adapter"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--models", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    long_tail = [f"user{n:06d}" for n in range(60_000)]
    downloaded = []  # ids of models with downloads, candidates for bases
    with open(arguments.out, "w", encoding="utf-8") as out:
        for index in range(arguments.models):
            has_downloads = rng.random() < 0.15
            if has_downloads and rng.random() < 0.2:
                author = rng.choice(ORGS)
            else:
                author = rng.choice(long_tail)
            model = f"{author}/model-{index:07d}"
            downloads = int(rng.paretovariate(1.1) * 3) if has_downloads else 0
            if author in ORGS and has_downloads:
                downloads *= 200
            tags = ["region:us"]
            if has_downloads and downloaded and rng.random() < 0.33:
                if rng.random() < 0.03:
                    bases = rng.sample(downloaded[-50_000:], 2) if len(downloaded) > 1 else downloaded[:1]
                    for base in bases:
                        tags += [f"base_model:{base}", f"base_model:merge:{base}"]
                else:
                    base = rng.choice(downloaded[-50_000:])
                    tags += [f"base_model:{base}", f"base_model:{rng.choice(RELATIONS)}:{base}"]
            record = {
                "id": model, "author": author, "downloads": downloads,
                "downloadsAllTime": downloads * rng.randint(1, 40),
                "createdAt": f"20{rng.randint(21, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00.000Z",
                "pipeline_tag": rng.choice(PIPELINES), "library_name": rng.choice(LIBRARIES), "tags": tags,
            }
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
            if has_downloads:
                downloaded.append(model)


if __name__ == "__main__":
    main()
