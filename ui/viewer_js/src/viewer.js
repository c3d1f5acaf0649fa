// The 3D viewer of the CadAgent page: a GLB of the shown version with its feature edges, a ground grid
// with axes (X red, Y green, Z blue, Z up as in CadQuery), fit to view, and an overlay with the version
// and its measured size. Built by `npm run build` (in ui/viewer_js) into ui/static/viewer.js, served with the package.
import {
  AmbientLight, Box3, BufferGeometry, Color, DirectionalLight, EdgesGeometry, Float32BufferAttribute,
  GridHelper, Group, LineBasicMaterial, LineSegments, Mesh, MeshStandardMaterial, PerspectiveCamera,
  Scene, Sphere, Vector3, WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';

const THEMES = {
  light: { background: 0xf4f6f8, part: 0x8aa4c2, edge: 0x1b2430, grid: 0xb8c0ca, gridMajor: 0x8893a0 },
  dark: { background: 0x1d232b, part: 0x7f9cc0, edge: 0xe8eef5, grid: 0x3a444f, gridMajor: 0x5a6776 },
};
const EDGE_ANGLE = 25; // degrees between faces for a line to be drawn (facets of a curved face are not)

function isDark() {
  return document.body.classList.contains('dark') || document.documentElement.classList.contains('dark');
}

/** A nice grid step (1, 2 or 5 x 10^n mm) for a part of the given size. */
export function gridStep(size) {
  const raw = Math.max(size, 1) / 8;
  const base = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * base).find((s) => s >= raw);
}

function axes(length) {
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute([0, 0, 0, length, 0, 0, 0, 0, 0, 0, length, 0,
    0, 0, 0, 0, 0, length], 3));
  g.setAttribute('color', new Float32BufferAttribute([0.85, 0.15, 0.15, 0.85, 0.15, 0.15, 0.1, 0.6, 0.15,
    0.1, 0.6, 0.15, 0.15, 0.35, 0.9, 0.15, 0.35, 0.9], 3));
  const lines = new LineSegments(g, new LineBasicMaterial({ vertexColors: true, depthTest: false }));
  lines.renderOrder = 2;
  return lines;
}

export class Viewer {
  constructor(host) {
    this.host = host;
    this.canvasBox = host.querySelector('.cad-canvas');
    this.renderer = new WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    const canvas = this.renderer.domElement;
    canvas.setAttribute('tabindex', '0');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', '3D view: no part yet');
    this.canvasBox.appendChild(canvas);
    this.scene = new Scene();
    this.camera = new PerspectiveCamera(35, 1, 0.1, 1e5);
    this.camera.up.set(0, 0, 1);
    this.scene.add(new AmbientLight(0xffffff, 1.1));
    const key = new DirectionalLight(0xffffff, 1.6);
    key.position.set(1, -2, 3);
    const fill = new DirectionalLight(0xffffff, 0.6);
    fill.position.set(-2, 1, 1);
    this.camera.add(key, fill); // lights follow the camera: the side you look at is lit
    this.scene.add(this.camera);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = false;
    this.controls.listenToKeyEvents(canvas);
    this.controls.addEventListener('change', () => this.render());
    this.helpers = new Group();
    this.scene.add(this.helpers);
    this.model = null;
    this.url = null;
    this.applyTheme();
    new ResizeObserver(() => this.resize()).observe(this.canvasBox);
    new MutationObserver(() => this.applyTheme()).observe(document.body, { attributes: true,
      attributeFilter: ['class'] });
    this.resize();
  }

  applyTheme() {
    this.theme = THEMES[isDark() ? 'dark' : 'light'];
    this.scene.background = new Color(this.theme.background);
    if (this.model) this.model.traverse((o) => {
      if (o.isMesh) o.material.color.set(this.theme.part);
      if (o.isLineSegments) o.material.color.set(this.theme.edge);
    });
    if (this.box) this.drawHelpers(this.box);
    this.render();
  }

  resize() {
    const w = Math.max(this.canvasBox.clientWidth, 1);
    const h = Math.max(this.canvasBox.clientHeight, 1);
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    if (this.box) this.fit();
    else this.render();
  }

  render() {
    this.renderer.render(this.scene, this.camera);
  }

  /** Show `value` = {url, label, size, note}; the same url is not loaded twice. */
  async show(value) {
    const overlay = this.host.querySelector('.cad-overlay');
    overlay.querySelector('.cad-version').textContent = (value && value.label) || 'No part yet';
    overlay.querySelector('.cad-size').textContent = (value && value.size) || '';
    overlay.querySelector('.cad-note').textContent = (value && value.note) || '';
    if (!value || !value.url) {
      this.clear();
      this.host.dataset.state = 'empty';
      return;
    }
    if (value.url === this.url) return;
    this.url = value.url;
    this.host.dataset.state = 'loading';
    let gltf;
    try {
      gltf = await new GLTFLoader().loadAsync(value.url);
    } catch (err) {
      this.host.dataset.state = 'error';
      overlay.querySelector('.cad-note').textContent = 'The 3D model could not be loaded; the downloads still work.';
      return;
    }
    if (value.url !== this.url) return; // a newer version was asked for meanwhile
    this.clear();
    const root = gltf.scene;
    root.rotation.x = Math.PI / 2; // the GLB is Y-up (glTF); back to CadQuery's Z-up coordinates
    const model = new Group();
    root.updateMatrixWorld(true);
    root.traverse((o) => {
      if (!o.isMesh) return;
      const geometry = o.geometry.clone().applyMatrix4(o.matrixWorld);
      const material = new MeshStandardMaterial({ color: this.theme.part, metalness: 0.1, roughness: 0.6,
        polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 });
      model.add(new Mesh(geometry, material));
      model.add(new LineSegments(new EdgesGeometry(geometry, EDGE_ANGLE),
        new LineBasicMaterial({ color: this.theme.edge })));
    });
    this.model = model;
    this.scene.add(model);
    this.box = new Box3().setFromObject(model);
    this.drawHelpers(this.box);
    this.host.dataset.state = 'shown';
    this.renderer.domElement.setAttribute('aria-label', `3D view of ${value.label || 'the part'}` +
      (value.size ? `: ${value.size}` : ''));
    this.fit();
  }

  clear() {
    if (this.model) {
      this.scene.remove(this.model);
      this.model.traverse((o) => { if (o.geometry) o.geometry.dispose(); if (o.material) o.material.dispose(); });
    }
    this.model = null;
    this.box = null;
    this.helpers.clear();
    this.render();
  }

  drawHelpers(box) {
    this.helpers.clear();
    const size = box.getSize(new Vector3());
    const span = Math.max(size.x, size.y, size.z);
    const step = gridStep(span);
    const cells = Math.ceil((Math.max(size.x, size.y) * 1.6) / step / 2) * 2 + 4;
    const grid = new GridHelper(cells * step, cells, this.theme.gridMajor, this.theme.grid);
    grid.rotation.x = Math.PI / 2; // three's grid lies in XZ; ours in XY, under the part
    const center = box.getCenter(new Vector3());
    grid.position.set(Math.round(center.x / step) * step, Math.round(center.y / step) * step, box.min.z);
    this.helpers.add(grid);
    const a = axes(step * 2);
    a.position.set(box.min.x - step, box.min.y - step, box.min.z);
    this.helpers.add(a);
    this.host.dataset.grid = String(step);
  }

  /** Look at the part from the front-right-top and frame it. */
  fit(direction = new Vector3(1, -1.3, 0.9)) {
    if (!this.box) return this.render();
    const sphere = this.box.getBoundingSphere(new Sphere());
    const fov = (this.camera.fov * Math.PI) / 180;
    const fitH = sphere.radius / Math.sin(fov / 2);
    const fitW = fitH / Math.min(this.camera.aspect, 1);
    const distance = Math.max(fitH, fitW) * 1.05;
    this.camera.position.copy(sphere.center).add(direction.clone().normalize().multiplyScalar(distance));
    this.camera.near = distance / 100;
    this.camera.far = distance * 100;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(sphere.center);
    this.controls.update();
    this.render();
  }
}

/** Mount on a gr.HTML element (called from its js_on_load); the shown value comes from `show()`. */
export function mount(element) {
  const host = element.querySelector('.cad-viewer');
  const viewer = new Viewer(host);
  const views = { fit: undefined, top: new Vector3(0, -0.001, 1), front: new Vector3(0, -1, 0.001) };
  element.addEventListener('click', (ev) => {
    const button = ev.target.closest('[data-view]');
    if (button) viewer.fit(views[button.dataset.view]);
  });
  window.cadViewer = viewer;
  viewer.show(window.cadViewerValue);
  return viewer;
}
