import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import {
  CanvasContent,
  CanvasSection,
} from '@system-product/backstage-plugin-common';
import { ReactNode } from 'react';
import { answerOf } from './answerOf';
import { CanvasTabLink } from './canvasTabLinks';
import { sectionSummary } from './sectionSummary';

/**
 * One canvas section: its purpose, its summary where the section has one, then
 * each focus question with the canvas's answer, or a prompt where none is given
 * yet. With `tabLink` it links to the tab that details the section.
 */
export function CanvasSectionCard(props: {
  section: CanvasSection;
  content: CanvasContent;
  tabLink?: CanvasTabLink;
  /** Shown below the focus questions. */
  children?: ReactNode;
}) {
  const { section, content, tabLink, children } = props;
  const summary = sectionSummary(section.id, content);
  return (
    <Box component="section" aria-label={section.title} height="100%">
      <InfoCard
        title={section.title}
        subheader={section.purpose}
        deepLink={
          tabLink ? { title: tabLink.title, link: tabLink.to } : undefined
        }
      >
        {summary !== undefined && (
          <Box mb={1}>
            <Typography variant="subtitle2" component="h3">
              Summary
            </Typography>
            {summary.trim() ? (
              <Typography variant="body2" style={{ whiteSpace: 'pre-line' }}>
                {summary}
              </Typography>
            ) : (
              <Typography variant="body2" color="textSecondary">
                No summary yet. The owners add one when they edit the canvas.
              </Typography>
            )}
          </Box>
        )}
        <List dense disablePadding>
          {section.questions.map(question => {
            const answered = question.isAnswered(content);
            return (
              <ListItem
                key={question.id}
                alignItems="flex-start"
                disableGutters
              >
                {answered ? (
                  <CheckCircleIcon
                    color="primary"
                    fontSize="small"
                    titleAccess="Answered"
                    style={{ marginRight: 8, marginTop: 4 }}
                  />
                ) : (
                  <RadioButtonUncheckedIcon
                    color="disabled"
                    fontSize="small"
                    titleAccess="Not answered yet"
                    style={{ marginRight: 8, marginTop: 4 }}
                  />
                )}
                <ListItemText
                  primary={question.question}
                  secondary={
                    answered ? (
                      <Typography
                        variant="body2"
                        component="span"
                        style={{ whiteSpace: 'pre-line' }}
                      >
                        {answerOf(question.id, content)}
                      </Typography>
                    ) : (
                      'Not answered yet'
                    )
                  }
                />
              </ListItem>
            );
          })}
        </List>
        {children}
      </InfoCard>
    </Box>
  );
}
