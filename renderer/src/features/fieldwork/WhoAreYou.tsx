import { Button, Group, Paper, Text, Title } from '@mantine/core';

/**
 * Asked once in the lead's file when no team member is linked to this installation: which member
 * are you? Each screen that records a member's work (checklist, records seen, notebook) shows it
 * with its own words; choosing links the member (`fieldwork:linkMe`).
 */
export function WhoAreYou({
  team,
  title,
  text,
  none,
  testId,
  onPick,
}: {
  team: readonly { readonly id: string; readonly name: string }[];
  title: string;
  text: string;
  /** Shown instead of `text` when the team is empty. */
  none: string;
  testId: string;
  onPick: (memberId: string) => void;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={5}>{title}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {team.length ? text : none}
      </Text>
      <Group gap="xs">
        {team.map((member) => (
          <Button key={member.id} variant="default" onClick={() => onPick(member.id)}>
            <span translate="no">{member.name}</span>
          </Button>
        ))}
      </Group>
    </Paper>
  );
}
