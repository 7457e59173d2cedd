import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import type { EditorHandle } from '../editor-handle.js';
import type { FigureAttrs } from '../schema.js';
import { msg } from '../messages.js';
import { FigureView } from './figure-view.js';
import { startHeroPicker } from './hero-picker.js';
import { createMediaApi, type Picture } from './media-api.js';
import { pickerButton } from './picker.js';

/**
 * Pictures in the story editor (docs/editor-pictures.md): figures with their details edited in
 * place, pictures dropped or pasted into the body uploaded through the media pipeline, pasted HTML's
 * images fetched by the server (or left out with a notice), the library picker for the body and the
 * hero picture.
 */
export function startMedia(editor: EditorHandle): void {
  const api = createMediaApi(editor.form);
  /** Files of uploads that may be retried, by the figure's uploadId. */
  const files = new Map<string, File>();
  let uploads = 0;
  const nextUploadId = () => `upload-${Date.now().toString(36)}-${++uploads}`;
  const attrsOf = (picture: Picture): Partial<FigureAttrs> => ({
    mediaId: picture.id,
    src: picture.src || picture.thumbnailUrl,
    alt: picture.alt,
    caption: picture.caption,
    credit: picture.credit,
    uploadId: null,
    error: null,
  });

  const upload = (uploadId: string) => {
    const file = files.get(uploadId);
    if (!file) return;
    editor.updateFigures((attrs) => attrs.uploadId === uploadId, { error: null });
    api.upload(file).then(
      (picture) => {
        files.delete(uploadId);
        editor.updateFigures((attrs) => attrs.uploadId === uploadId, attrsOf(picture));
        editor.notify(msg('nr.editor.media.uploaded'));
      },
      (error: Error) => {
        editor.updateFigures((attrs) => attrs.uploadId === uploadId, { error: error.message });
        editor.notify(msg('nr.editor.media.uploadFailed', { error: error.message }));
      },
    );
  };

  const uploadFiles = (images: File[]) => {
    for (const file of images) {
      const uploadId = nextUploadId();
      files.set(uploadId, file);
      editor.insertFigure({ uploadId, alt: '', src: null });
      upload(uploadId);
    }
  };

  const removeFigure = (view: EditorView, getPos: () => number | undefined) => {
    const pos = getPos();
    const node = pos === undefined ? null : view.state.doc.nodeAt(pos);
    if (pos === undefined || !node) return;
    const uploadId = (node.attrs as FigureAttrs).uploadId;
    if (uploadId) files.delete(uploadId);
    view.dispatch(view.state.tr.delete(pos, pos + node.nodeSize));
    view.focus();
    editor.notify(msg('nr.editor.media.removed'));
  };

  editor.setNodeView(
    'figure',
    (node, view, getPos) =>
      new FigureView(node, view, getPos, {
        api,
        retry: upload,
        remove: removeFigure,
        applyDetails: (mediaId, details) => {
          editor.updateFigures(
            (attrs) =>
              attrs.mediaId === mediaId && (attrs.alt !== details.alt || attrs.caption !== details.caption || attrs.credit !== details.credit),
            details,
          );
          hero.refresh(mediaId, details);
        },
      }),
  );

  const imagesIn = (data: DataTransfer | null) => [...(data?.files ?? [])].filter((file) => file.type.startsWith('image/'));
  editor.view.setProps({
    handlePaste: (_view, event) => {
      const images = imagesIn(event.clipboardData);
      if (images.length === 0) return false;
      uploadFiles(images);
      return true;
    },
    handleDrop: (view, event) => {
      const images = imagesIn(event.dataTransfer);
      if (images.length === 0) return false;
      const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
      if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
      uploadFiles(images);
      return true;
    },
  });

  // Pasted HTML's pictures: the server fetches each through its private-address guard, or it is left out.
  editor.onPastedImages = (urls) => {
    for (const url of urls) {
      const uploadId = nextUploadId();
      editor.insertFigure({ uploadId, src: null });
      api.fetchRemote(url).then(
        (picture) => editor.updateFigures((attrs) => attrs.uploadId === uploadId, attrsOf(picture)),
        (error: Error) => {
          dropFigure(uploadId);
          editor.notify(msg('nr.editor.media.pastedLeftOut', { error: error.message }));
        },
      );
    }
  };
  const dropFigure = (uploadId: string) => {
    const { state } = editor.view;
    let found: { pos: number; size: number } | undefined;
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'figure' && (node.attrs as FigureAttrs).uploadId === uploadId) found = { pos, size: node.nodeSize };
    });
    if (found) editor.view.dispatch(state.tr.delete(found.pos, found.pos + found.size));
  };

  // The buttons for keyboard users and for pictures already in the library.
  const bar = document.createElement('div');
  bar.className = 'editor-media-bar';
  const pickButton = pickerButton(api, msg('nr.editor.media.insertFromLibrary'), msg('nr.editor.media.insertTitle'), (picture) => {
    editor.insertFigure(attrsOf(picture));
    editor.view.focus();
    editor.notify(msg('nr.editor.media.inserted', { alt: picture.alt || msg('nr.editor.media.insertedNeedsAlt') }));
  });
  const fileInput = document.createElement('input');
  fileInput.type = 'file';
  fileInput.accept = 'image/jpeg,image/png,image/webp,image/avif';
  fileInput.multiple = true;
  fileInput.hidden = true;
  fileInput.setAttribute('aria-hidden', 'true');
  fileInput.tabIndex = -1;
  const uploadButton = document.createElement('button');
  uploadButton.type = 'button';
  uploadButton.textContent = msg('nr.editor.media.upload');
  bar.append(pickButton, uploadButton, fileInput);
  editor.root.querySelector('.editor-frame')?.before(bar);
  uploadButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    uploadFiles(imagesIn({ files: fileInput.files } as DataTransfer));
    fileInput.value = '';
  });

  const hero = startHeroPicker(api);

  // Figures already in the body: their pictures, from the library (the page sends only their ids).
  const missing: string[] = [];
  editor.view.state.doc.descendants((node) => {
    const attrs = node.attrs as FigureAttrs;
    if (node.type.name === 'figure' && attrs.mediaId && !attrs.src && !missing.includes(attrs.mediaId)) missing.push(attrs.mediaId);
  });
  if (missing.length > 0) {
    api.byIds(missing).then(
      (pictures) => {
        for (const picture of pictures) {
          const { mediaId: _id, uploadId: _u, error: _e, ...shown } = attrsOf(picture);
          editor.updateFigures((attrs) => attrs.mediaId === picture.id && !attrs.src, shown);
        }
      },
      () => editor.notify(msg('nr.editor.media.loadFailed')),
    );
  }
}
