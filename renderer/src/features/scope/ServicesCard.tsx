import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementProfileView } from '../../../../shared/contract/profile-views.ts';
import { CATEGORIES_MAX_CHARS, formatCategories, hasKnownCategory, parseCategories } from '../../../../shared/scope/service-categories.ts';
import { DeleteRowButton } from '../../components/DeleteRowButton.tsx';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useRowAuthors } from '../team/use-row-authors.ts';
import type { Service } from './scope-types.ts';
import { deleteRowWithUndo } from '../../state/row-actions.ts';
import { requires } from '../engagement/setup/use-engagement-profile.ts';
import { CategoriesInput } from './CategoriesInput.tsx';

type Editable = 'name' | 'description' | 'customers' | 'locations' | 'categories';

/**
 * The services in the scope of the SMS, from the client's service catalogue: what each is, for
 * whom, from where, and its IT-service categories (in China the CNCA business categories; elsewhere
 * optional tags). When the engagement's CB profile requires the CNCA categories, every service
 * needs one of the eight known categories: each without one says so, and the header counts them.
 */
export function ServicesCard({
  handle,
  readOnly,
  services,
  profile,
  onChanged,
  onError,
}: {
  handle: string;
  readOnly: boolean;
  services: readonly Service[];
  profile: EngagementProfileView | null;
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [edited, setEdited] = useState<Record<string, Partial<Service>>>({});
  const [newName, setNewName] = useState('');
  const authors = useRowAuthors(handle, 'service', services);

  const value = (service: Service, field: Editable): string => (edited[service.id]?.[field] as string | undefined) ?? service[field];
  const change = (service: Service, field: Editable, text: string) => {
    setEdited((all) => ({ ...all, [service.id]: { ...all[service.id], [field]: text } }));
    authors.edited(service.id, field);
    // A service needs a name: kept on screen, not saved, until it has one.
    if (field === 'name' && !text.trim()) return;
    // Too long for the column: kept on screen with its problem, not saved.
    if (field === 'categories' && text.length > CATEGORIES_MAX_CHARS) return;
    queueRow(handle, 'service', service.id, { [field]: text });
  };
  /** A category picked or removed is committed at once, like any choice. */
  const changeCategories = (service: Service, list: readonly string[]) => {
    change(service, 'categories', formatCategories(list));
    void flush();
  };

  const categoriesRequired = requires(profile, 'cnca-category-codes');
  const categoryProblem = (service: Service): string | null => {
    const text = value(service, 'categories');
    if (text.length > CATEGORIES_MAX_CHARS) return t('scope.categoriesTooLong', { max: CATEGORIES_MAX_CHARS });
    return categoriesRequired && !hasKnownCategory(text) ? t('scope.categoryRequired', { profile: profile?.title ?? '' }) : null;
  };
  const withoutCategory = categoriesRequired ? services.filter((service) => !hasKnownCategory(value(service, 'categories'))).length : 0;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!newName.trim()) return;
    try {
      await flush();
      await invoke('rows:create', { engagementHandle: handle, table: 'service', values: { name: newName.trim() } });
      setNewName('');
      onChanged();
    } catch (failure) {
      onError(failure);
    }
  }

  const remove = (service: Service) =>
    deleteRowWithUndo(handle, 'service', service.id, t('scope.serviceDeleted', { name: service.name }), t, { reload: onChanged, onError });

  const field = (service: Service, name: Editable, label: string, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      description={authors.changed(service.id, name)}
      value={value(service, name)}
      onChange={(e) => change(service, name, e.currentTarget.value)}
      onBlur={() => void flush()}
      error={name === 'name' && !value(service, name).trim() ? t('create.required') : null}
      readOnly={readOnly}
    />
  );

  return (
    <Card withBorder padding="lg" data-testid="services">
      <Title order={5}>{t('scope.servicesTitle')}</Title>
      <Text size="sm" c="dimmed" mb={withoutCategory ? 'xs' : 'md'}>
        {t('scope.servicesIntro')}
      </Text>
      {withoutCategory ? (
        <Text size="sm" c="orange.8" mb="md" data-testid="services-missing-category">
          {t('scope.servicesMissingCategory', { count: withoutCategory, profile: profile?.title ?? '' })}
        </Text>
      ) : null}
      <Stack gap="sm">
        {services.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('scope.servicesEmpty')}
          </Text>
        ) : null}
        {services.map((service) => (
          <Card key={service.id} withBorder radius="sm" padding="sm" bg="gray.0" data-testid="service-row">
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <div style={{ flex: 1 }}>{field(service, 'name', t('scope.serviceName'))}</div>
                {!readOnly ? <DeleteRowButton label={t('scope.deleteService', { name: service.name })} onDelete={() => void remove(service)} /> : null}
              </Group>
              <CategoriesInput
                label={t('scope.categories')}
                description={authors.changed(service.id, 'categories')}
                value={parseCategories(value(service, 'categories'))}
                onChange={(list) => changeCategories(service, list)}
                error={categoryProblem(service)}
                readOnly={readOnly}
              />
              {field(service, 'description', t('scope.description'))}
              <SimpleGrid cols={2}>
                {field(service, 'customers', t('scope.customers'), t('scope.customersPlaceholder'))}
                {field(service, 'locations', t('scope.locations'), t('scope.locationsPlaceholder'))}
              </SimpleGrid>
              {authors.added(service.id) ? (
                <Text size="xs" c="dimmed">
                  {authors.added(service.id)}
                </Text>
              ) : null}
            </Stack>
          </Card>
        ))}
        {!readOnly ? (
          <form onSubmit={(e) => void add(e)} aria-label={t('scope.addService')}>
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('scope.newService')}
                placeholder={t('scope.newServicePlaceholder')}
                value={newName}
                onChange={(e) => setNewName(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} disabled={!newName.trim()}>
                {t('scope.addService')}
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
