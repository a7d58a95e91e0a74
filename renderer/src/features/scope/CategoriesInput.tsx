import { Pill, TagsInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isServiceCategory } from '../../../../shared/scope/service-categories.ts';
import { categoryLabel, categoryOptions, toStoredCategory } from './category-options.ts';

/** Typing either semicolon ends a category (the stored separator); commas may be part of one. */
const SPLIT_CHARS = [';', '；'];

/**
 * A service's IT-service categories as tags: the eight known categories offered in the interface
 * language (kept by key), anything else typed kept as free text. A known category's name typed in
 * full, in the interface language or English, is kept by key too.
 */
export function CategoriesInput({
  value,
  onChange,
  label,
  description,
  error,
  readOnly,
}: {
  value: readonly string[];
  onChange: (list: string[]) => void;
  label: string;
  description?: string;
  error?: string | null;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.getFixedT('en');
  // Open on focus, and again on a click or typing after Escape closed it (Mantine opens only on focus).
  const [opened, setOpened] = useState(false);
  return (
    <TagsInput
      label={label}
      description={description}
      placeholder={value.length ? undefined : t('scope.categoriesPlaceholder')}
      data={categoryOptions(t)}
      value={[...value]}
      onChange={(list) => onChange(list.map((item) => toStoredCategory(item, [t, english])))}
      renderPill={({ option, value: item, onRemove, disabled }) => {
        const name = categoryLabel(t, item ?? String(option.value));
        return (
          <Pill
            withRemoveButton={!disabled}
            onRemove={onRemove}
            removeButtonProps={{ 'aria-hidden': false, 'aria-label': t('scope.removeCategory', { name }) }}
            data-testid="category-pill"
            // Free text is the auditor's own words, not the interface's.
            translate={isServiceCategory(item ?? '') ? undefined : 'no'}
          >
            {name}
          </Pill>
        );
      }}
      dropdownOpened={opened && !readOnly}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onClick={() => setOpened(true)}
      onSearchChange={(search) => search && setOpened(true)}
      splitChars={SPLIT_CHARS}
      error={error}
      readOnly={readOnly}
      maxDropdownHeight={320}
    />
  );
}
