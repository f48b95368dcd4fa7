// Pan (drag) and zoom (wheel, buttons, fit) of the diagram, as a CSS transform on the element that
// holds the SVG: the SVG itself is replaced on every update while the transform stays.
import type { ZoomState } from './messages.js';

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
/** Fitting never blows a small diagram up past this. */
const MAX_FIT_SCALE = 1.5;
const FIT_MARGIN = 16;
/** A press that moves farther than this (px) is a drag, not a click. */
const CLICK_SLOP = 4;

/** Pans and zooms `content` inside `canvas`; reports every change so that it can be saved. */
export class PanZoom {
    private state: ZoomState = { scale: 1, x: 0, y: 0 };
    private drag: { pointer: number; startX: number; startY: number; x: number; y: number; moved: boolean } | undefined;
    /** True right after a drag, so that the click that ends it does not reveal a node. */
    private dragged = false;
    /** True while the diagram is as fit() left it: it then follows the panel's size (the panel opens small, then grows). */
    private fitted = false;

    constructor(private readonly canvas: HTMLElement, private readonly content: HTMLElement, private readonly onChange: (state: ZoomState) => void) {
        canvas.addEventListener('wheel', e => this.onWheel(e), { passive: false });
        canvas.addEventListener('pointerdown', e => this.onPointerDown(e));
        canvas.addEventListener('pointermove', e => this.onPointerMove(e));
        canvas.addEventListener('pointerup', e => this.onPointerUp(e));
        canvas.addEventListener('pointercancel', e => this.onPointerUp(e));
        new ResizeObserver(() => {
            if (this.fitted) this.fit();
        }).observe(canvas);
    }

    /** True while the user has not panned or zoomed since the last fit. */
    get isFitted(): boolean {
        return this.fitted;
    }

    get current(): ZoomState {
        return { ...this.state };
    }

    /** True when the click being handled ended a drag. */
    consumeDrag(): boolean {
        const was = this.dragged;
        this.dragged = false;
        return was;
    }

    set(state: ZoomState): void {
        this.fitted = false;
        const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, state.scale));
        this.state = { scale, x: state.x, y: state.y };
        this.content.style.transform = `translate(${this.state.x}px, ${this.state.y}px) scale(${scale})`;
        this.onChange(this.current);
    }

    /** Zooms by `factor` keeping the canvas point (px, py) where it is. */
    zoomAt(factor: number, px: number, py: number): void {
        const { scale, x, y } = this.state;
        const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
        const k = next / scale;
        this.set({ scale: next, x: px - (px - x) * k, y: py - (py - y) * k });
    }

    /** Zooms around the middle of the canvas (the toolbar's buttons). */
    zoomBy(factor: number): void {
        this.zoomAt(factor, this.canvas.clientWidth / 2, this.canvas.clientHeight / 2);
    }

    /** Scales the diagram to fit the canvas and centres it. */
    fit(): void {
        const { width, height } = contentSize(this.content);
        if (width === 0 || height === 0) return;
        const cw = this.canvas.clientWidth - 2 * FIT_MARGIN;
        const ch = this.canvas.clientHeight - 2 * FIT_MARGIN;
        const scale = Math.max(MIN_SCALE, Math.min(MAX_FIT_SCALE, cw / width, ch / height));
        this.set({ scale, x: (this.canvas.clientWidth - width * scale) / 2, y: (this.canvas.clientHeight - height * scale) / 2 });
        this.fitted = true;
    }

    /** Pans so that `box` (in content coordinates) is in view, when it is not already. */
    showBox(box: { x: number; y: number; width: number; height: number }): void {
        const { scale, x, y } = this.state;
        const left = x + box.x * scale, top = y + box.y * scale;
        const right = left + box.width * scale, bottom = top + box.height * scale;
        if (left >= 0 && top >= 0 && right <= this.canvas.clientWidth && bottom <= this.canvas.clientHeight) return;
        this.set({ scale, x: this.canvas.clientWidth / 2 - (box.x + box.width / 2) * scale, y: this.canvas.clientHeight / 2 - (box.y + box.height / 2) * scale });
    }

    private onWheel(e: WheelEvent): void {
        e.preventDefault();
        const rect = this.canvas.getBoundingClientRect();
        const delta = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 16 : e.deltaY;
        this.zoomAt(Math.exp(-delta * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
    }

    private onPointerDown(e: PointerEvent): void {
        if (e.button !== 0) return;
        this.drag = { pointer: e.pointerId, startX: e.clientX, startY: e.clientY, x: this.state.x, y: this.state.y, moved: false };
    }

    private onPointerMove(e: PointerEvent): void {
        const d = this.drag;
        if (!d || d.pointer !== e.pointerId) return;
        const dx = e.clientX - d.startX, dy = e.clientY - d.startY;
        if (!d.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
        if (!d.moved) this.canvas.setPointerCapture(e.pointerId);
        d.moved = true;
        this.canvas.classList.add('dragging');
        this.set({ scale: this.state.scale, x: d.x + dx, y: d.y + dy });
    }

    private onPointerUp(e: PointerEvent): void {
        const d = this.drag;
        if (!d || d.pointer !== e.pointerId) return;
        this.drag = undefined;
        this.dragged = d.moved;
        this.canvas.classList.remove('dragging');
        if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    }
}

/** The untransformed size of what the canvas shows (the SVG's own width and height). */
function contentSize(content: HTMLElement): { width: number; height: number } {
    const svg = content.querySelector('svg');
    if (!svg) return { width: 0, height: 0 };
    return { width: Number(svg.getAttribute('width')) || 0, height: Number(svg.getAttribute('height')) || 0 };
}
