import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChecks, IconCopy, IconCornerUpLeft, IconExternalLink, IconFileText, IconMapPin, IconPhone, IconPhoto, IconVideo } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BubbleContent } from './bubble-content';
import { parseWhatsAppMarkup, type MarkupNode } from './whatsapp-markup';
import { textIn } from '../../i18n/keys';

/** WhatsApp's own colours, so the preview reads like the customer's phone. */
const COLORS = {
  wallpaper: 'light-dark(#efeae2, #0b141a)',
  bubble: 'light-dark(#ffffff, #202c33)',
  text: 'light-dark(#111b21, #e9edef)',
  meta: 'light-dark(#667781, #8696a0)',
  link: 'light-dark(#027eb5, #53bdeb)',
  read: '#53bdeb',
  media: 'light-dark(#d1d7db, #374248)',
};

function renderMarkup(nodes: MarkupNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.kind === 'text') return node.text;
    const children = renderMarkup(node.children);
    if (node.kind === 'bold') return <strong key={i}>{children}</strong>;
    if (node.kind === 'italic') return <em key={i}>{children}</em>;
    if (node.kind === 'strike') return <s key={i}>{children}</s>;
    return (
      <Text key={i} component="code" ff="monospace" fz="inherit">
        {children}
      </Text>
    );
  });
}

/** Text with WhatsApp's *bold* _italic_ ~strike~ markup, drawn as elements (never as HTML). */
export function WhatsAppText({ text, testId }: { text: string; testId?: string }) {
  return (
    <Text size="sm" c={COLORS.text} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testId}>
      {renderMarkup(parseWhatsAppMarkup(text))}
    </Text>
  );
}

const MEDIA_ICONS: Record<string, typeof IconPhoto> = { image: IconPhoto, video: IconVideo, document: IconFileText, location: IconMapPin };
const BUTTON_ICONS: Record<string, typeof IconPhoto> = { URL: IconExternalLink, PHONE_NUMBER: IconPhone, COPY_CODE: IconCopy, QUICK_REPLY: IconCornerUpLeft };

/** The last path segment of a media link, readable ("nota%20fiscal.pdf" → "nota fiscal.pdf"). */
function fileName(link: string): string {
  const last = link.split('?')[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function MediaHeader({ format, link }: { format: string; link: string | null }) {
  const { t } = useTranslation();
  const Icon = MEDIA_ICONS[format] ?? IconFileText;
  const file = link ? fileName(link) : '';
  return (
    <Stack align="center" justify="center" gap={4} h={format === 'document' ? 64 : 120} bg={COLORS.media} style={{ borderRadius: 6 }} data-testid="bubble-media">
      <Icon size={28} color="var(--mantine-color-gray-7)" />
      <Text size="xs" c={COLORS.meta}>
        {textIn(t, 'templates.editor.media', format) ?? format}
        {file ? ` · ${file}` : ''}
      </Text>
    </Stack>
  );
}

/** A WhatsApp message bubble: header (text or media), body, footer, time with read ticks, buttons. */
export function WhatsAppBubble({ content, time }: { content: BubbleContent; time: string }) {
  const { t } = useTranslation();
  return (
    <Box bg={COLORS.wallpaper} p="md" style={{ borderRadius: 8 }} data-testid="bubble">
      <Box maw={340}>
        <Box bg={COLORS.bubble} p={6} style={{ borderRadius: 8, borderTopLeftRadius: 0, boxShadow: '0 1px 0.5px rgba(11,20,26,.13)' }}>
          <Stack gap={6} px={4} pt={2}>
            {content.header?.kind === 'media' && <MediaHeader format={content.header.format} link={content.header.link} />}
            {content.header?.kind === 'text' && (
              <Text fw={700} size="sm" c={COLORS.text} data-testid="bubble-header">
                {content.header.text}
              </Text>
            )}
            <WhatsAppText text={content.body} testId="bubble-body" />
            {content.footer && (
              <Text size="xs" c={COLORS.meta} data-testid="bubble-footer">
                {content.footer}
              </Text>
            )}
          </Stack>
          <Group gap={2} justify="flex-end" mt={-2}>
            <Text size="xs" c={COLORS.meta} data-testid="bubble-time">
              {time}
            </Text>
            <IconChecks size={16} color={COLORS.read} aria-label={t('templates.preview.read')} />
          </Group>
        </Box>
        {content.buttons.map((button, index) => {
          const Icon = BUTTON_ICONS[button.type] ?? IconCornerUpLeft;
          return (
            <UnstyledButton
              key={index}
              component="div"
              mt={2}
              py={8}
              bg={COLORS.bubble}
              c={COLORS.link}
              style={{ borderRadius: 8, display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 6, cursor: 'default' }}
              data-testid="bubble-button"
            >
              <Icon size={16} />
              <Text size="sm" fw={500} c={COLORS.link}>
                {button.text}
              </Text>
            </UnstyledButton>
          );
        })}
      </Box>
    </Box>
  );
}
