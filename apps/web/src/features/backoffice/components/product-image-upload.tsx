import { type ChangeEvent, type FormEvent, useEffect, useId, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { FieldMessages, useFieldIds } from '../../../components/form/text-field.tsx';
import { formErrorMessage } from '../../../lib/form-errors.ts';

/** What the API accepts (it sniffs the content too); checked here first to save a 5 MB round trip. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export function imageFileError(file: File): string | undefined {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > MAX_IMAGE_BYTES) return 'The image is larger than 5 MB. Choose a smaller one.';
  return undefined;
}

interface ProductImageUploadProps {
  /** The current image, if any. */
  imageUrl: string | null;
  pending: boolean;
  error: unknown;
  onUpload: (file: File) => void;
}

/**
 * Choose, preview and upload a product image. The page keys it on the product's `updatedAt`, so a
 * successful upload starts it afresh with the new image.
 */
export function ProductImageUpload({ imageUrl, pending, error, onUpload }: ProductImageUploadProps) {
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<string>();
  const headingId = useId();
  const { id, hintId, errorId, describedBy } = useFieldIds(true, fileError);

  // The object URL lives as long as the preview shows it.
  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => {
      URL.revokeObjectURL(url);
      setPreview(undefined);
    };
  }, [file]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    const problem = chosen ? imageFileError(chosen) : undefined;
    setFileError(problem);
    setFile(problem ? undefined : chosen);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) onUpload(file);
  };

  return (
    <form className="form bo-image-upload" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>Image</h2>
      {error ? <FormNotice tone="error">{formErrorMessage(error)}</FormNotice> : null}
      <div className="bo-image-upload__images">
        {imageUrl && (
          <figure>
            <img src={imageUrl} alt="Current product" width={160} height={160} />
            <figcaption>Current</figcaption>
          </figure>
        )}
        {preview && (
          <figure>
            <img src={preview} alt="Preview of the chosen file" width={160} height={160} />
            <figcaption>New</figcaption>
          </figure>
        )}
      </div>
      <div className="field">
        <label htmlFor={id}>Image file</label>
        <input
          id={id}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={describedBy}
          onChange={choose}
        />
        <FieldMessages
          hint="PNG, JPEG or WebP, up to 5 MB."
          error={fileError}
          hintId={hintId}
          errorId={errorId}
        />
      </div>
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel="Uploading…" disabled={!file}>
          Upload image
        </SubmitButton>
      </div>
    </form>
  );
}
