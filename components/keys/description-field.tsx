// The key description input with its character count, checked by the same schema the server uses.
import { TextInput } from '@mantine/core';
import { keyDescription } from '@/lib/api/schemas';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Show "must not be empty" only once the person tried to submit; "too long" shows as soon as it is. */
  showEmptyError: boolean;
}

const maxLength = 250;

export function descriptionError(value: string): string | undefined {
  const result = keyDescription.safeParse(value);
  const message = result.success ? undefined : result.error.issues[0]?.message;
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined;
}

export function DescriptionField({ value, onChange, showEmptyError }: Props) {
  const length = value.trim().length;
  const error = length > maxLength || showEmptyError ? descriptionError(value) : undefined;
  return (
    <TextInput
      label="Description"
      placeholder="What uses this key, e.g. “Terraform CI for payments”"
      withAsterisk
      data-autofocus
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={`${length} / ${maxLength} characters`}
      error={error}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      autoComplete="off"
    />
  );
}
