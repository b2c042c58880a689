/* "직접 그려 보기": the book's trained models in the reader's browser (onnxruntime-web, one thread, no network beyond
   the book's own server). The preprocessing follows helpers/own_image_spec.json step for step, as
   helpers/own_image.py does in Python; a test feeds the same images through both. */
(function () {
  'use strict';
  const app = document.getElementById('draw-app');
  if (!app) return;
  const base = new URL(app.dataset.base, document.baseURI).href;
  const $ = id => document.getElementById(id);
  // what tests and `make bench` read: times are ms per model run (with drawing the maps) and per preparation
  const page = window.drawPage = {
    ready: false, predictions: 0, times: [], prepareTimes: [], firstPredictionMs: null, lastInput: null,
  };

  class PrepError extends Error {}

  // ---- the preprocessing: helpers/own_image_spec.json, step for step ----
  function boxWeights(source, target) {
    // rows of (start index, weights): output pixel i averages the source interval [i*s/t, (i+1)*s/t)
    const scale = source / target, rows = [];
    for (let i = 0; i < target; i++) {
      const start = i * scale, end = (i + 1) * scale;
      const first = Math.floor(start), last = Math.min(source, Math.ceil(end));
      const weights = [];
      for (let j = first; j < last; j++) weights.push(Math.max(0, Math.min(end, j + 1) - Math.max(start, j)) / scale);
      rows.push([first, weights]);
    }
    return rows;
  }

  function boxResize(image, height, width, toHeight, toWidth) {
    const rowWeights = boxWeights(height, toHeight), colWeights = boxWeights(width, toWidth);
    const tall = new Float64Array(toHeight * width);
    for (let i = 0; i < toHeight; i++) {
      const [first, weights] = rowWeights[i];
      for (let k = 0; k < weights.length; k++) {
        const w = weights[k], row = (first + k) * width;
        for (let x = 0; x < width; x++) tall[i * width + x] += w * image[row + x];
      }
    }
    const out = new Float64Array(toHeight * toWidth);
    for (let j = 0; j < toWidth; j++) {
      const [first, weights] = colWeights[j];
      for (let i = 0; i < toHeight; i++) {
        let sum = 0;
        for (let k = 0; k < weights.length; k++) sum += weights[k] * tall[i * width + first + k];
        out[i * toWidth + j] = sum;
      }
    }
    return out;
  }

  function median(values) {
    const sorted = Float64Array.from(values).sort();
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  function borderMedian(image, height, width) {
    if (Math.min(height, width) <= 2) return median(image);
    const ring = [];
    for (let x = 0; x < width; x++) ring.push(image[x], image[(height - 1) * width + x]);
    for (let y = 1; y < height - 1; y++) ring.push(image[y * width], image[y * width + width - 1]);
    return median(ring);
  }

  function tooLarge(width, height) {
    const limit = page.spec.max_megapixels;
    return new PrepError(`이미지가 너무 큽니다(${width}×${height}, ${(width * height / 1e6).toFixed(1)}메가픽셀). ` +
      `${limit}메가픽셀 이하로 줄여서 다시 여세요.`);
  }

  function preprocess(rgba, width, height) {
    const spec = page.spec;
    if (width * height > spec.max_megapixels * 1e6) throw tooLarge(width, height);
    const [w0, w1, w2] = spec.gray_weights;
    let gray = new Float64Array(width * height);
    for (let i = 0; i < width * height; i++) {
      const alpha = rgba[4 * i + 3] / 255;
      const [r, g, b] = [0, 1, 2].map(c => rgba[4 * i + c] * alpha + 255 * (1 - alpha));  // on white
      gray[i] = (r * w0 + g * w1 + b * w2) / 255;
    }
    const longest = Math.max(width, height);
    if (longest > spec.work_size) {
      const ratio = spec.work_size / longest;
      const h = Math.max(1, Math.floor(height * ratio + 0.5)), w = Math.max(1, Math.floor(width * ratio + 0.5));
      gray = boxResize(gray, height, width, h, w);
      [height, width] = [h, w];
    }
    let background = borderMedian(gray, height, width);
    if (background > spec.light_background_above) {
      for (let i = 0; i < gray.length; i++) gray[i] = 1 - gray[i];
      background = 1 - background;
    }
    let peak = -Infinity;
    for (const v of gray) peak = Math.max(peak, v);
    if (peak - background < spec.min_contrast) {
      throw new PrepError('이미지에 물체가 보이지 않습니다(빈 이미지이거나 한 가지 색뿐입니다). 물체를 그리거나 다른 이미지를 여세요.');
    }
    let top = height, bottom = -1, left = width, right = -1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = Math.min(1, Math.max(0, (gray[y * width + x] - background) / (peak - background)));
        gray[y * width + x] = v;
        if (v > spec.object_threshold) {
          top = Math.min(top, y); bottom = Math.max(bottom, y); left = Math.min(left, x); right = Math.max(right, x);
        }
      }
    }
    const h = bottom - top + 1, w = right - left + 1, side = Math.max(h, w);
    const offsetY = Math.floor((side - h) / 2), offsetX = Math.floor((side - w) / 2);
    const square = new Float64Array(side * side);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) square[(y + offsetY) * side + x + offsetX] = gray[(y + top) * width + x + left];
    }
    return Float32Array.from(boxResize(square, side, side, spec.size, spec.size));
  }
  page.preprocess = preprocess;

  // ---- what the reader sees ----
  const canvas = $('draw-canvas');
  const context = canvas.getContext('2d', {willReadFrequently: true});
  const status = $('draw-status'), problem = $('draw-problem');
  let names = [];

  function say(message) { problem.textContent = message || ''; }

  function clearCanvas() {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }

  function paintGray(target, values, height, width, scale) {
    // dark ink on white paper (gray_r), as the book's figures show images
    const ctx = target.getContext('2d');
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < height * width; i++) {
      const v = 255 - Math.round(255 * Math.min(1, Math.max(0, values[i] / scale)));
      image.data.set([v, v, v, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  }

  function makeBars() {
    const list = $('draw-bars');
    names.forEach((name, index) => {
      const row = document.createElement('li');
      row.className = 'draw-bar';
      row.dataset.classIndex = index;
      row.innerHTML = `<span class="draw-bar-name">${name}</span><span class="draw-bar-track"><span class="draw-bar-fill">` +
        '</span></span><span class="draw-bar-value">–</span>';
      list.appendChild(row);
    });
  }

  function makeMaps(containerId, count, size) {
    const grid = $(containerId);
    for (let c = 0; c < count; c++) {
      const map = document.createElement('canvas');
      map.width = map.height = size;
      map.className = 'draw-map';
      map.title = `특성 맵 ${c + 1}`;
      grid.appendChild(map);
    }
  }

  function showFeatureMaps(containerId, tensor) {
    const [, height, width, channels] = tensor.dims, data = tensor.data;
    const maps = $(containerId).children;
    for (let c = 0; c < channels; c++) {
      const values = new Float32Array(height * width);
      let peak = 0;
      for (let i = 0; i < height * width; i++) {
        values[i] = data[i * channels + c];
        peak = Math.max(peak, values[i]);
      }
      paintGray(maps[c], values, height, width, peak || 1);
    }
  }

  function showProbabilities(probabilities, announce) {
    let top = 0;
    probabilities.forEach((p, i) => { if (p > probabilities[top]) top = i; });
    [...$('draw-bars').children].forEach((row, i) => {
      const p = probabilities[i];
      row.dataset.probability = String(p);
      row.classList.toggle('draw-bar-top', i === top);
      row.querySelector('.draw-bar-fill').style.width = `${(100 * p).toFixed(1)}%`;
      row.querySelector('.draw-bar-value').textContent = p.toFixed(4);
    });
    const result = $('draw-result');
    result.dataset.classIndex = top;
    result.dataset.probability = String(probabilities[top]);
    result.textContent = `${names[top]} (확률 ${probabilities[top].toFixed(4)})`;
    if (announce) status.textContent = `모델의 예측: ${names[top]}, 확률 ${probabilities[top].toFixed(4)}`;
  }

  function resetResult(message) {
    [...$('draw-bars').children].forEach(row => {
      delete row.dataset.probability;
      row.classList.remove('draw-bar-top');
      row.querySelector('.draw-bar-fill').style.width = '0';
      row.querySelector('.draw-bar-value').textContent = '–';
    });
    $('draw-result').textContent = '–';
    status.textContent = message;
  }

  // ---- the models ----
  const sessions = {};
  let running = false, pending = null;
  page.idle = () => !running && !pending;

  function session(name) {
    if (!sessions[name]) {
      const file = page.models[name].file;
      sessions[name] = ort.InferenceSession.create(base + file, {executionProviders: ['wasm']});
    }
    return sessions[name];
  }

  function selectedModel() { return app.querySelector('input[name="draw-model"]:checked').value; }

  async function predict(input, announce) {
    // one run at a time; while one runs, only the newest request waits (drawing outpaces nothing)
    if (running) { pending = [input, announce || (pending && pending[1])]; return; }
    running = true;
    try {
      const start = performance.now();
      const name = selectedModel(), model = page.models[name];
      const current = await session(name);
      const feeds = {[model.input]: new ort.Tensor('float32', input, [1, 28, 28, 1])};
      const out = await current.run(feeds);
      showProbabilities(Array.from(out[model.outputs.probabilities].data), announce);
      showFeatureMaps('draw-maps1', out[model.outputs.features1]);
      showFeatureMaps('draw-maps2', out[model.outputs.features2]);
      const took = performance.now() - start;
      page.predictions += 1;
      page.times.push(took);
      if (page.firstPredictionMs === null) page.firstPredictionMs = performance.now();
      page.lastModel = name;
    } catch (error) {
      say(`모델을 실행하지 못했습니다: ${error.message || error}. 페이지를 새로 고쳐 보세요.`);
    } finally {
      running = false;
      if (pending) { const [next, flag] = pending; pending = null; predict(next, flag); }
    }
  }

  function use(input, announce) {
    page.lastInput = input;
    paintGray($('draw-input'), input, 28, 28, 1);
    say('');
    return predict(input, announce);
  }

  function fromCanvas(announce) {
    try {
      const start = performance.now();
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const input = preprocess(image.data, canvas.width, canvas.height);
      page.prepareTimes.push(performance.now() - start);
      return use(input, announce);
    } catch (error) {
      if (!(error instanceof PrepError)) throw error;
      page.lastInput = null;
      resetResult('');
      say(error.message);
    }
  }

  // ---- drawing with mouse, pen or finger ----
  let drawing = false, last = null, scheduled = false;

  function point(event) {
    const r = canvas.getBoundingClientRect();
    return [(event.clientX - r.left) * canvas.width / r.width, (event.clientY - r.top) * canvas.height / r.height];
  }

  canvas.addEventListener('pointerdown', event => {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    if (page.source !== 'canvas') { clearCanvas(); page.source = 'canvas'; $('draw-sample').value = ''; }
    drawing = true;
    last = point(event);
    stroke(last, last);
  });
  canvas.addEventListener('pointermove', event => {
    if (!drawing) return;
    event.preventDefault();
    const next = point(event);
    stroke(last, next);
    last = next;
  });
  for (const type of ['pointerup', 'pointercancel']) {
    canvas.addEventListener(type, () => {
      if (!drawing) return;
      drawing = false;
      fromCanvas(true);
    });
  }

  function stroke(from, to) {
    context.strokeStyle = '#111111';
    context.lineWidth = canvas.width / 14;
    context.lineCap = context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(...from);
    context.lineTo(...to);
    context.stroke();
    if (!scheduled) {  // at most one prediction per frame while drawing
      scheduled = true;
      requestAnimationFrame(() => { scheduled = false; fromCanvas(false); });
    }
  }

  $('draw-clear').addEventListener('click', () => {
    clearCanvas();
    page.source = 'canvas';
    page.lastInput = null;
    $('draw-sample').value = '';
    paintGray($('draw-input'), new Float32Array(784), 28, 28, 1);
    resetResult('그림판이 비어 있습니다. 옷이나 신발을 그려 보세요.');
    for (const id of ['draw-maps1', 'draw-maps2']) {
      for (const map of $(id).children) map.getContext('2d').clearRect(0, 0, map.width, map.height);
    }
  });

  // ---- a test image, with its true label ----
  function showSample(index) {
    const sample = page.samples[index];
    const input = Float32Array.from(sample.pixels, v => v / 255);  // already the model's input: nothing to prepare
    const small = document.createElement('canvas');
    small.width = small.height = 28;
    paintGray(small, input, 28, 28, 1);
    clearCanvas();
    context.imageSmoothingEnabled = false;
    context.drawImage(small, 0, 0, canvas.width, canvas.height);
    page.source = 'sample';
    $('draw-truth').textContent = `정답: ${names[sample.label]} (테스트 이미지 ${sample.index}번)`;
    return use(input, true);
  }

  $('draw-sample').addEventListener('change', event => {
    if (event.target.value !== '') showSample(Number(event.target.value));
  });

  // ---- a photo from the device ----
  $('draw-file').addEventListener('change', event => {
    const file = event.target.files[0];
    if (!file) return;
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onerror = () => {
      URL.revokeObjectURL(url);
      say(`이미지 파일이 아닙니다(${file.name}). PNG나 JPEG 같은 이미지 파일을 여세요.`);
    };
    image.onload = () => {
      URL.revokeObjectURL(url);
      const width = image.naturalWidth, height = image.naturalHeight;
      if (width * height > page.spec.max_megapixels * 1e6) { say(tooLarge(width, height).message); return; }
      const full = document.createElement('canvas');  // transparent: the spec composites on white itself
      full.width = width;
      full.height = height;
      const fullContext = full.getContext('2d', {willReadFrequently: true});
      fullContext.drawImage(image, 0, 0);
      let input;
      try {
        input = preprocess(fullContext.getImageData(0, 0, width, height).data, width, height);
      } catch (error) {
        if (!(error instanceof PrepError)) throw error;
        say(error.message);
        return;
      }
      clearCanvas();
      const fit = Math.min(canvas.width / width, canvas.height / height);
      context.imageSmoothingEnabled = true;
      context.drawImage(image, (canvas.width - width * fit) / 2, (canvas.height - height * fit) / 2,
        width * fit, height * fit);
      page.source = 'photo';
      $('draw-sample').value = '';
      $('draw-truth').textContent = `연 사진: ${file.name}`;
      page.photoDone = use(input, true);
    };
    image.src = url;
    event.target.value = '';  // the same file may be opened again
  });

  for (const radio of app.querySelectorAll('input[name="draw-model"]')) {
    radio.addEventListener('change', () => { if (page.lastInput) predict(page.lastInput, true); });
  }

  // ---- start ----
  async function start() {
    if (typeof WebAssembly !== 'object' || typeof window.ort !== 'object') {
      say('이 브라우저에서는 WebAssembly를 쓸 수 없어 모델을 실행할 수 없습니다. 최신 Chrome, Edge, Firefox, Safari에서 열어 보세요.');
      app.querySelectorAll('input, select, button').forEach(control => { control.disabled = true; });
      return;
    }
    ort.env.wasm.numThreads = 1;  // threads need cross-origin isolation, which a static host cannot turn on
    ort.env.wasm.wasmPaths = new URL(app.dataset.ort, document.baseURI).href;
    try {
      const [config, spec, samples] = await Promise.all(
        ['models.json', 'own_image_spec.json', 'test_samples.json'].map(f => fetch(base + f).then(r => {
          if (!r.ok) throw new Error(`${f}: ${r.status}`);
          return r.json();
        })));
      page.spec = spec;
      page.models = config.models;
      names = config.class_names;
      page.samples = samples.samples.map(s => ({...s, pixels: Uint8Array.from(atob(s.pixels), c => c.charCodeAt(0))}));
    } catch (error) {
      say(`모델 파일을 불러오지 못했습니다(${error.message}). 페이지를 새로 고쳐 보세요.`);
      return;
    }
    makeBars();
    makeMaps('draw-maps1', 32, 28);
    makeMaps('draw-maps2', 64, 14);
    const select = $('draw-sample');
    page.samples.forEach((sample, i) => {
      const option = document.createElement('option');
      option.value = i;
      option.textContent = `${names[sample.label]} — 테스트 이미지 ${sample.index}번`;
      select.appendChild(option);
    });
    select.value = '0';
    await showSample(0);
    page.ready = true;
  }
  start();
})();
